//! Opening a JSON file of terms: the browser reads and parses it (`File.text`, `JSON.parse`),
//! this turns the parsed value into the core's tree, and `core::terms::json` checks it, so no
//! JSON parser ships in the wasm. A file with a bad value is refused with its fields named,
//! leaving the form as it was.

use crate::core::terms::json::{from_json, Json};
use crate::core::terms::page::ImportProblem;
use crate::core::terms::Terms;
use wasm_bindgen::{JsCast, JsValue};

/// Larger files are not terms (a full one is a few kilobytes) and are not read.
const MAX_FILE_BYTES: f64 = 64.0 * 1024.0;

/// The browser's parsed value as a tree; `None` for anything JSON cannot hold. Deep nesting
/// is refused: no terms file nests more than three levels.
fn from_js(value: &JsValue, depth: u8) -> Option<Json> {
    if depth > 4 {
        return None;
    }
    if value.is_null() {
        Some(Json::Null)
    } else if let Some(on) = value.as_bool() {
        Some(Json::Bool(on))
    } else if let Some(n) = value.as_f64() {
        Some(Json::Number(n))
    } else if let Some(text) = value.as_string() {
        Some(Json::Text(text))
    } else if js_sys::Array::is_array(value) {
        let array: &js_sys::Array = value.unchecked_ref();
        array
            .iter()
            .map(|item| from_js(&item, depth + 1))
            .collect::<Option<_>>()
            .map(Json::List)
    } else if value.is_object() {
        let object: &js_sys::Object = value.unchecked_ref();
        js_sys::Object::entries(object)
            .iter()
            .map(|entry| {
                let entry: js_sys::Array = entry.unchecked_into();
                Some((
                    entry.get(0).as_string()?,
                    from_js(&entry.get(1), depth + 1)?,
                ))
            })
            .collect::<Option<_>>()
            .map(Json::Object)
    } else {
        None
    }
}

/// Reads a file's text as terms.
pub async fn read_terms(file: web_sys::File) -> Result<Terms, ImportProblem> {
    if file.size() > MAX_FILE_BYTES {
        return Err(ImportProblem::Unreadable);
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|text| text.as_string())
        .ok_or(ImportProblem::Unreadable)?;
    let value = js_sys::JSON::parse(&text).map_err(|_| ImportProblem::Unreadable)?;
    from_json(&from_js(&value, 0).ok_or(ImportProblem::Unreadable)?)
}
