//! The selected pair's story (`engine::explain`) and what the diagram highlights of it,
//! computed once per plan and selection for the explanation and the diagram (the app and the
//! documentation widget both use it).

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::Story;
use crate::ui::network::Prepared;
use crate::ui::path::{self, Highlight};
use crate::ui::state::Selection;

/// The story of the selected pair in the prepared network and its highlight; both `None`
/// unless a pair is selected.
#[hook]
pub fn use_story(
    network: Prepared,
    selection: &Selection,
) -> (Option<Rc<Story>>, Option<Rc<Highlight>>) {
    let key = match selection {
        Selection::Pair { from, to } => Some((from.clone(), to.clone())),
        _ => None,
    };
    let memo = use_memo((network, key), |(network, key)| {
        let story = key.as_ref().and_then(|(from, to)| network.story(from, to));
        let highlight = story
            .as_ref()
            .map(|s| Rc::new(path::highlight(network.plan(), s)));
        (story.map(Rc::new), highlight)
    });
    (*memo).clone()
}
