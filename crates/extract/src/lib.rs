//! casefile-extract (being written).
