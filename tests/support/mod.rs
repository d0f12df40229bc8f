pub mod mutate;
pub mod plans;
