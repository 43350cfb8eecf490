//! The world gazetteer: places with names in many scripts, feature kinds, admin-1, population.
