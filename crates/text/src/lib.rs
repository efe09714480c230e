//! casefile-text (being written).
