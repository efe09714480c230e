//! casefile-store (being written).
