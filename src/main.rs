//! Entry point of the web app; Trunk builds this binary for wasm32.

fn main() {
    hit_trainer::start();
}
