//! HTML escaping, for the places that write markup as text: the prerendered intro, the
//! builder's snippets and the result's static lists.

/// Escapes text for an HTML attribute value or element content.
#[must_use]
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Appends `open`, `text` escaped, then `close`.
pub fn element(out: &mut String, open: &str, text: &str, close: &str) {
    out.push_str(open);
    out.push_str(&escape_html(text));
    out.push_str(close);
}
