//! casefile-resolve (being written).
