//! International boundaries: point-in-country, distance to the nearest border, named border segments.
