//! casefile-ingest (being written).
