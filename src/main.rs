//! The web entry: starts the reachplan browser app (built by trunk from index.html).

fn main() {
    reachplan::ui::run();
}
