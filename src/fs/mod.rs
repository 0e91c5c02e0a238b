//! The file system, the two ways Amicus touches it: reading a user's file only inside the
//! folder it belongs to ([`boundary`]), and writing outputs so that a failure never leaves a
//! half-written file ([`write`]).

pub mod boundary;
pub mod write;

pub use write::{flush_paths, remove_stale_temps, set_durable, write_all_atomic, write_atomic, write_backup};
