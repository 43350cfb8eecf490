//! Evaluation: gold readers and scorers.
