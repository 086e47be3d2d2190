//! Builds big parts of a view a few per animation frame instead of all in the frame that shows
//! the view. A section of a small report opens with every activity card expanded (about 500
//! elements a card): building ten such forms, then styling and laying them out, made the switch
//! to that section take 160–250 ms before its heading was on the screen. Now the section and the
//! card headings come first, and the forms follow, [`PER_FRAME`] a frame.
//!
//! Invariant: a part queued here is always built, in the order it was queued; while any is
//! waiting, [`pending`] is true, and `state::focus_later` waits for its preferred target rather
//! than falling back to a container (a finding's field may be in a form not yet built).

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use leptos::prelude::*;

/// How many queued parts are built in one animation frame.
pub const PER_FRAME: usize = 2;

thread_local! {
    static QUEUE: RefCell<VecDeque<RwSignal<bool>>> = const { RefCell::new(VecDeque::new()) };
    static PUMPING: Cell<bool> = const { Cell::new(false) };
}

/// A flag that turns true in a coming animation frame, when its turn comes; the view shows the
/// deferred part once it is true.
pub fn ready_later() -> RwSignal<bool> {
    let flag = RwSignal::new(false);
    QUEUE.with(|q| q.borrow_mut().push_back(flag));
    if !PUMPING.with(|p| p.replace(true)) {
        request_animation_frame(pump);
    }
    flag
}

/// True while some queued part is not yet built.
pub fn pending() -> bool {
    QUEUE.with(|q| !q.borrow().is_empty())
}

fn pump() {
    for _ in 0..PER_FRAME {
        let Some(flag) = QUEUE.with(|q| q.borrow_mut().pop_front()) else {
            break;
        };
        // A flag whose card is gone (the user switched on) is simply skipped.
        flag.try_set(true);
    }
    if pending() {
        request_animation_frame(pump);
    } else {
        PUMPING.with(|p| p.set(false));
    }
}
