package dev.saasapi.platform.lists.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.saasapi.platform.problems.control.InvalidFieldsException;
import dev.saasapi.platform.problems.entity.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void defaultsToTheFirstPageOfTwenty() {
        assertEquals(new PageRequest(1, 20), PageRequest.of(null, null));
        assertEquals(0, PageRequest.of(null, null).offset());
        assertEquals(200, PageRequest.of("3", "100").offset());
    }

    @Test
    void namesEveryParameterOutOfRange() {
        InvalidFieldsException e = assertThrows(InvalidFieldsException.class, () -> PageRequest.of("0", "101"));
        assertEquals(
                List.of("page", "per_page"),
                e.errors().stream().map(Problem.FieldError::field).toList());
        for (String page : List.of("", "x", "-1", "1.5", "1000001", "99999999999")) {
            assertThrows(InvalidFieldsException.class, () -> PageRequest.of(page, null), page);
        }
    }

    @Test
    void theLastPageOfAnEmptyListIsTheFirst() {
        PageRequest request = PageRequest.of("1", "10");
        assertEquals(1, request.lastPage(0));
        assertEquals(1, request.lastPage(10));
        assertEquals(2, request.lastPage(11));
    }
}
