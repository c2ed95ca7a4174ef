//! What keeps the quiz's view code small, checked in its sources (the wasm itself is measured
//! by the build, against the ceiling in scripts/lib.sh).

/// yew turns every dynamic `class` (`class={…}`, `{class}`, `classes!`) into its `Classes` set,
/// about 2.4 KB gzip of wasm that every reader of the quiz downloads; a class that changes is
/// set as the `className` property (`~className={…}`) instead. The builder and the work-terms
/// page (a folder: it has no yew view) are pages of their own with their own wasm.
#[test]
fn the_quizs_view_sets_no_dynamic_class() {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("src/app").expect("src/app") {
        let path = entry.expect("an entry").path();
        if path.is_dir() || path.file_name().is_some_and(|name| name == "builder.rs") {
            continue;
        }
        let source = std::fs::read_to_string(&path).expect("a source file");
        for (number, line) in source.lines().enumerate() {
            if [" class={", " {class}", "classes!"]
                .iter()
                .any(|pattern| line.contains(pattern))
            {
                found.push(format!(
                    "{}:{}: {}",
                    path.display(),
                    number + 1,
                    line.trim()
                ));
            }
        }
    }
    assert!(found.is_empty(), "dynamic classes:\n{}", found.join("\n"));
}
