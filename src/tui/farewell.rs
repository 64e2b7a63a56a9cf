//! The last words after the terminal is restored: a fix left half-done (it failed
//! after making something, or the user left while AWS was still answering) is named
//! with what exists now, and how to finish or remove it. Nothing is said when every
//! fix that ran has finished.

use super::app::App;
use crate::checklist::StepId;
use crate::i18n::Lang;
use crate::journal::Resource;

/// What to print on leaving, if anything is half-done.
pub fn farewell(app: &App) -> Option<String> {
    // The practice account vanishes with the wizard: nothing is left anywhere.
    if app.practice {
        return None;
    }
    let lines: Vec<String> = app
        .unfinished()
        .into_iter()
        .map(|(step, made)| unfinished_step(step, &made, app.left_mid_change == Some(step), app.lang))
        .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}

fn unfinished_step(step: StepId, made: &[&Resource], left_mid_change: bool, lang: Lang) -> String {
    let title = step.title(lang);
    let id = step.as_str();
    let separator = match lang {
        Lang::En => "; ",
        Lang::Ja => "、",
    };
    let names: Vec<String> = made.iter().map(|r| crate::cleanup::name(r, lang)).collect();
    let mut text = match lang {
        Lang::En => format!("aws-day-one: {title} is not finished."),
        Lang::Ja => format!("aws-day-one: 「{title}」は完了していません。"),
    };
    if left_mid_change {
        text.push_str(match lang {
            Lang::En => " You left while AWS was still answering a change; it may have gone through unseen.",
            Lang::Ja => " AWS が変更に応答する前に終了したため、その変更が反映されたかどうかは確認できていません。",
        });
    }
    text.push_str(&match (lang, names.is_empty()) {
        (Lang::En, false) => format!(" Made so far: {}.", names.join(separator)),
        (Lang::Ja, false) => format!(" ここまでに作成した物: {}。", names.join(separator)),
        (Lang::En, true) => " Nothing it made was seen yet.".to_owned(),
        (Lang::Ja, true) => " 作成が確認できた物はまだありません。".to_owned(),
    });
    text.push_str(&match lang {
        Lang::En => format!(
            " Run `aws-day-one --step {id}` to finish it, or `aws-day-one cleanup` to remove what aws-day-one made."
        ),
        Lang::Ja => format!(
            " `aws-day-one --step {id}` で続きを実行するか、`aws-day-one cleanup` で aws-day-one が作成した物を削除してください。"
        ),
    });
    text
}
