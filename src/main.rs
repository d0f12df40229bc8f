//! The web entry: starts the reachplan browser app (built by scripts/build-app.sh).

fn main() {
    reachplan::ui::run();
}
