pub mod golden;
pub mod mutate;
pub mod plans;
