//! The app's views: each gets data as props and sends actions up through one callback.

pub mod azure;
pub mod canvas;
pub mod capacity;
pub mod connect;
pub mod edges;
pub mod explain;
pub mod findings;
pub mod gestures;
pub mod groups;
pub mod intents;
pub mod label;
pub mod legend;
pub mod matrix;
pub mod notice;
pub mod palette;
pub mod shapes;
pub mod skip;
pub mod start;
pub mod toolbar;
pub mod utilisation;
pub mod viewport;
