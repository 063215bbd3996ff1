/**
 * What every feature stands on, knowing none of them: configuration and the one start-up failure path
 * ({@code config}), HTTP plumbing ({@code http}), strict body reading ({@code bodies}), the database
 * ({@code persistence}, {@code migrations}), the error model ({@code problems}), health and shutdown
 * ({@code lifecycle}), outgoing mail through a transactional outbox ({@code mail}) and the API
 * documentation ({@code docs}). Depends on nothing else of ours; its
 * own packages depend on each other one way (config ← http ← bodies, persistence ← problems ←
 * migrations, lifecycle).
 */
package dev.saasapi.platform;
