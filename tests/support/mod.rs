pub mod cli;
pub mod config;
pub mod golden;
pub mod mutate;
pub mod plans;
pub mod repository;
pub mod values;
