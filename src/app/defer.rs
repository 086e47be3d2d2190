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
    static GROWING: Cell<usize> = const { Cell::new(0) };
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

/// True while some queued part is not yet built, or a long list is still growing ([`growing`]).
pub fn pending() -> bool {
    QUEUE.with(|q| !q.borrow().is_empty()) || GROWING.with(|g| g.get() > 0)
}

/// How many of a list's `total` items to show: `first` at once, then `step` more in each
/// animation frame, until all (`usize::MAX`). A list of a thousand activity cards would
/// otherwise be built, all of it, before the frame that shows its section; now the section
/// appears with the first cards and the rest follow a few frames later. While it grows,
/// [`pending`] is true, so `state::focus_later` waits for a card not yet built.
pub fn growing(total: usize, first: usize, step: usize) -> RwSignal<usize> {
    if total <= first {
        return RwSignal::new(usize::MAX);
    }
    let shown = RwSignal::new(first);
    GROWING.with(|g| g.set(g.get() + 1));
    fn grow(shown: RwSignal<usize>, total: usize, step: usize) {
        match shown.try_get_untracked().map(|n| n.saturating_add(step)) {
            Some(n) if n < total => {
                shown.set(n);
                request_animation_frame(move || grow(shown, total, step));
            }
            done => {
                // All shown, or the list is gone (the user switched on).
                if done.is_some() {
                    shown.set(usize::MAX);
                }
                GROWING.with(|g| g.set(g.get().saturating_sub(1)));
            }
        }
    }
    request_animation_frame(move || grow(shown, total, step));
    shown
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
