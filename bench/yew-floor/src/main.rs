//! A counter: one component, one piece of state, one listener.

use yew::prelude::*;

#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: wasm32-unknown-unknown without the atomics feature has exactly one thread.
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

#[component]
fn Counter() -> Html {
    let count = use_state(|| 0_u32);
    let onclick = {
        let count = count.clone();
        Callback::from(move |_| count.set(*count + 1))
    };
    html! {
        <main>
            <button {onclick}>{ "+1" }</button>
            <p>{ *count }</p>
        </main>
    }
}

fn main() {
    yew::Renderer::<Counter>::new().render();
}
