//! Temporal expressions: found, typed (TIMEX3) and resolved against the report's date.
