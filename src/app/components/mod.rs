//! Small shared form pieces: labelled fields bound to getter/setter callbacks, money and number
//! inputs that parse on blur, date inputs, selects, and the section card; charts with their
//! caption and data table.

mod chart;
mod field;
mod grid;

pub use chart::*;
pub use field::*;
pub use grid::*;
