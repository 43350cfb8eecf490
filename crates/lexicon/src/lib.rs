//! Reference data compiled into fast lookups: the world gazetteer (GeoNames-derived) and
//! international boundary geometry (Natural Earth-derived).

pub mod actors;
pub mod borders;
pub mod gazetteer;
