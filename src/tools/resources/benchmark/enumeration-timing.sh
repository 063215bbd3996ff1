#!/usr/bin/env bash
# Times POST requests that take {"email"} (password reset, verification resend) for an address with an
# account and addresses without one, alternating, against a running server (./mvnw -Prun on port 8000);
# prints the median time of each. Usage: enumeration-timing.sh /auth/password-reset [pairs] [known email]
set -euo pipefail
endpoint=$1; n=${2:-60}; known=${3:-known@example.com}
for i in $(seq 1 $n); do
  for who in known unknown; do
    email=$([ $who = known ] && echo "$known" || echo "nobody-$i@example.com")
    t=$(curl -s -o /dev/null -w '%{time_total}' -X POST "localhost:8000$endpoint" -H 'Content-Type: application/json' -d "{\"email\":\"$email\"}")
    echo "$who $t"
  done
done | awk '{print $1, $2*1000}' | sort -k1,1 -k2,2n | awk '{a[$1]=a[$1]" "$2; c[$1]++} END {for (k in a) {split(substr(a[k],2), v, " "); printf "%s median %.2f ms (n=%d)\n", k, v[int((c[k]+1)/2)], c[k]}}'
