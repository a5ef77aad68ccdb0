//! The safety net: if the program panics anyway, the page says so and offers the saved profile for
//! download, instead of freezing. Plain DOM calls, because the reactive system may be the thing
//! that broke.

use crate::session::{Session, STORAGE_KEY};
use wasm_bindgen::JsCast;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show();
    }));
}

fn show() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if document.get_element_by_id("recovery").is_some() {
        return;
    }
    let english = document
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .is_some_and(|l| l.starts_with("en"));
    let text = |zh: &'static str, en: &'static str| if english { en } else { zh };
    let saved = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    // Offer the profile in the engine's own format, so it can be imported again.
    let profile = saved
        .as_deref()
        .and_then(|t| Session::from_json(t).ok())
        .map(|s| s.profile(crate::browser::today()).to_json_pretty(crate::state::library()))
        .or(saved);
    let Ok(overlay) = document.create_element("div") else { return };
    overlay.set_id("recovery");
    let _ = overlay.set_attribute("role", "alertdialog");
    let _ = overlay.set_attribute("aria-labelledby", "recovery-title");
    let mut html = format!(
        "<div class=\"recovery-box\"><h2 id=\"recovery-title\">{}</h2><p>{}</p>",
        text("出现了意外错误", "Something went wrong"),
        text(
            "页面已停止运行。您已保存的档案仍在浏览器中，可以下载后在新页面导入。",
            "The page has stopped. Your saved profile is still in this browser: download it and import it into a fresh page."
        )
    );
    if let Some(profile) = profile {
        let href = format!(
            "data:application/json;charset=utf-8,{}",
            String::from(js_sys::encode_uri_component(&profile))
        );
        html.push_str(&format!(
            "<p><a id=\"recovery-download\" download=\"profile.json\" href=\"{href}\">{}</a></p>",
            text("下载已保存的档案", "Download saved profile")
        ));
    }
    html.push_str(&format!(
        "<p><button type=\"button\" id=\"recovery-reload\">{}</button></p></div>",
        text("重新加载页面", "Reload the page")
    ));
    overlay.set_inner_html(&html);
    if let Some(body) = document.body() {
        let _ = body.append_child(&overlay);
    }
    if let Some(button) = document.get_element_by_id("recovery-reload") {
        let reload = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        });
        let _ = button.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref());
        reload.forget();
    }
}
