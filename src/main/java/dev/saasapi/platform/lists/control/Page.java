package dev.saasapi.platform.lists.control;

import java.util.List;

/** One page of a list, with the length of the whole list. */
public record Page<T>(List<T> items, long total) {}
