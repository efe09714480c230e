//! casefile gazetteers (being written).
