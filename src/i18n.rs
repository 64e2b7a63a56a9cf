//! The user's language. Every user-visible sentence is written once per [`Lang`] in an
//! exhaustive `match`, so adding a language, or forgetting a translation, is a compile
//! error rather than an English fallback discovered on a projector. The language is
//! passed explicitly to whatever renders text: there is no global.

use std::fmt;

/// A language the whole app is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Lang {
    /// English.
    En,
    /// Japanese.
    Ja,
}

impl Lang {
    /// The language the environment asks for (`LC_ALL`, `LC_MESSAGES`, then `LANG`,
    /// as POSIX orders them); English unless that is Japanese.
    pub fn from_env() -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty())
            .unwrap_or_default();
        Lang::from_locale(&locale)
    }

    /// `ja_JP.UTF-8`, `ja` and `ja-JP` are Japanese; anything else is English.
    pub fn from_locale(locale: &str) -> Lang {
        let lower = locale.to_ascii_lowercase();
        if lower == "ja" || lower.starts_with("ja_") || lower.starts_with("ja-") || lower.starts_with("ja.") {
            Lang::Ja
        } else {
            Lang::En
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        })
    }
}

/// Text that can be said in the user's language.
pub trait Localize {
    /// This text in `lang`.
    fn localize(&self, lang: Lang) -> String;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_locales_are_recognised() {
        for locale in ["ja_JP.UTF-8", "ja", "JA_jp", "ja-JP", "ja.UTF-8"] {
            assert_eq!(Lang::from_locale(locale), Lang::Ja, "{locale}");
        }
    }

    #[test]
    fn other_locales_fall_back_to_english() {
        for locale in ["", "C", "POSIX", "en_US.UTF-8", "jam", "fr_FR"] {
            assert_eq!(Lang::from_locale(locale), Lang::En, "{locale}");
        }
    }
}
