//! The rule data: policy packs (documents, questions, programmes) read from `engine/rules/*.json`.
//! The engine knows a handful of test, formula and question kinds; everything about a province,
//! a city or a district lives in its pack file and is checked when it loads.

mod check;
mod library;
mod model;

pub use check::{RuleError, SCHEMA};
pub use library::{read_pack, Library, PackSource};
pub use model::*;

use std::sync::OnceLock;

/// The packs every build carries, embedded at build time: the common questions first.
pub const BUILTIN: &[PackSource<'static>] = &[
    PackSource { name: "common.json", text: include_str!("../../rules/common.json") },
    PackSource { name: "guangdong-province.json", text: include_str!("../../rules/guangdong-province.json") },
    PackSource { name: "shenzhen.json", text: include_str!("../../rules/shenzhen.json") },
    PackSource { name: "zhuhai.json", text: include_str!("../../rules/zhuhai.json") },
    PackSource { name: "dongguan.json", text: include_str!("../../rules/dongguan.json") },
    PackSource { name: "foshan.json", text: include_str!("../../rules/foshan.json") },
    PackSource { name: "zhongshan.json", text: include_str!("../../rules/zhongshan.json") },
    PackSource { name: "guangzhou.json", text: include_str!("../../rules/guangzhou.json") },
    PackSource { name: "longgang.json", text: include_str!("../../rules/longgang.json") },
    PackSource { name: "guangming.json", text: include_str!("../../rules/guangming.json") },
    PackSource { name: "longhua.json", text: include_str!("../../rules/longhua.json") },
    PackSource { name: "qianhai.json", text: include_str!("../../rules/qianhai.json") },
    PackSource { name: "haizhu.json", text: include_str!("../../rules/haizhu.json") },
    PackSource { name: "tianhe.json", text: include_str!("../../rules/tianhe.json") },
    PackSource { name: "huangpu.json", text: include_str!("../../rules/huangpu.json") },
    PackSource { name: "baiyun.json", text: include_str!("../../rules/baiyun.json") },
];

impl Library {
    /// The built-in packs, read and checked once. The web build does not come here: it embeds the
    /// packs already converted (`Library::from_postcard`).
    pub fn builtin() -> &'static Library {
        static LIBRARY: OnceLock<Library> = OnceLock::new();
        LIBRARY.get_or_init(|| {
            Library::from_json(BUILTIN).unwrap_or_else(|e| panic!("the built-in packs are invalid: {e}"))
        })
    }
}
