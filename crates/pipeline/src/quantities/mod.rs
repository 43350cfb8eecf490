//! Quantities: figures with value, bound, unit, subject and changes.
