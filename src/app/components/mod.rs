//! Small shared form pieces: labelled fields bound to getter/setter callbacks, money and number
//! inputs that parse on blur, date inputs, selects, and the section card.

mod field;

pub use field::*;
