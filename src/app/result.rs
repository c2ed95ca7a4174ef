use super::browser;
use crate::core::advice::advise;
use crate::core::banks::BANKS;
use crate::core::classify::{classify, Answers, Lead};
use crate::core::link;
use crate::core::state::Action;
use crate::core::text::Lang;
use crate::core::ui_text::Ui;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultProps {
    pub lang: Lang,
    pub quiz: usize,
    pub shared: bool,
    pub answers: Answers,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn ResultScreen(props: &ResultProps) -> Html {
    let copy_state = use_state(|| None::<bool>);
    let Some(bank) = BANKS.get(props.quiz) else {
        return Html::default();
    };
    let lang = props.lang;
    let result = classify(bank, &props.answers);
    let advice = advise(bank, &result);
    let Some(outcome) = bank.outcomes.get(result.primary) else {
        return Html::default();
    };

    let mut ranked: Vec<usize> = (0..bank.outcomes.len()).collect();
    ranked.sort_by_key(|&o| std::cmp::Reverse(result.scores[o]));
    let scores = ranked.into_iter().map(|o| {
        let score = result.scores[o];
        let label = Ui::ScoreOf.fill(lang, &[("score", &score.to_string())]);
        html! {
            <li class={classes!("score", (o == result.primary).then_some("primary"))}>
                <span class="score-name">{ bank.outcomes[o].name.get(lang) }</span>
                <svg class="score-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                    <rect class="track" width="100" height="10" rx="2" />
                    <rect class="fill" width={score.to_string()} height="10" rx="2" />
                </svg>
                <span class="score-value">{ label }</span>
            </li>
        }
    });

    let flags =
        if result.flags.is_empty() {
            html! { <p>{ Ui::NoFlags.text(lang) }</p> }
        } else {
            let items = result.flags.iter().filter_map(|&f| bank.flags.get(f)).map(|flag| {
            let severe = flag.severity == crate::core::bank::Severity::Severe;
            html! {
                <li class={classes!(severe.then_some("severe"))}>
                    { flag.label.get(lang) }
                    if severe { <strong class="tag">{ Ui::SevereLabel.text(lang) }</strong> }
                </li>
            }
        });
            html! { <ul class="flags">{ for items }</ul> }
        };

    let drivers = result.drivers.iter().filter_map(|driver| {
        let question = bank.questions.get(driver.question)?;
        let choice = question.choices.get(driver.choice)?;
        Some(html! {
            <li>
                <span class="muted">{ question.text.get(lang) }</span>
                <br />
                { choice.text.get(lang) }
            </li>
        })
    });

    let lead = if result.decided_by_severe_flag {
        Ui::SevereDecided
    } else {
        match result.lead {
            Lead::Clear => Ui::LeadClear,
            Lead::Moderate => Ui::LeadModerate,
            Lead::Close => Ui::LeadClose,
            Lead::NoEvidence => Ui::LeadNoEvidence,
        }
    };

    let share_url = {
        let mut url = browser::address_without_fragment();
        url.push('#');
        url.push_str(&link::encode(bank, &props.answers, lang));
        url
    };
    let on_copy = {
        let copy_state = copy_state.clone();
        let url = share_url.clone();
        Callback::from(move |_: MouseEvent| {
            let copy_state = copy_state.clone();
            browser::copy_text(&url, move |ok| copy_state.set(Some(ok)));
        })
    };
    let copy_feedback = match *copy_state {
        Some(true) => Ui::Copied.text(lang),
        Some(false) => Ui::CopyFailed.text(lang),
        None => "",
    };

    let on_retake = props.dispatch.reform(|_| Action::Retake);
    let on_home = props.dispatch.reform(|_| Action::Home);
    let on_take_yourself = {
        let quiz = props.quiz;
        props.dispatch.reform(move |_| Action::Start(quiz))
    };

    html! {
        <section
            class="result"
            data-testid="result"
            data-outcome={outcome.id.to_string()}
            aria-labelledby="screen-heading"
        >
            if props.shared {
                <p class="shared-badge">
                    { Ui::SharedBadge.text(lang) }
                    { " " }
                    <button type="button" class="link" onclick={on_take_yourself}>
                        { Ui::TakeItYourself.text(lang) }
                    </button>
                </p>
            }
            <p class="muted">{ bank.title.get(lang) }</p>
            <h1 id="screen-heading" tabindex="-1">
                <span class="eyebrow">{ Ui::ResultLabel.text(lang) }{ ": " }</span>
                { outcome.name.get(lang) }
            </h1>
            <p class="summary">{ outcome.summary.get(lang) }</p>
            <p class="lead">{ lead.text(lang) }</p>

            <h2>{ Ui::ScoresHeading.text(lang) }</h2>
            <ul class="scores">{ for scores }</ul>

            <h2>{ Ui::FlagsHeading.text(lang) }</h2>
            { flags }

            if !result.drivers.is_empty() {
                <h2>{ Ui::WhyHeading.text(lang) }</h2>
                <ul class="drivers">{ for drivers }</ul>
            }

            <h2>{ Ui::PlanHeading.text(lang) }</h2>
            <ol class="plan">
                { for advice.plan.iter().map(|item| html! { <li>{ item.text.get(lang) }</li> }) }
            </ol>

            <h2>{ Ui::ChecklistHeading.text(lang) }</h2>
            <ul class="checklist">
                { for advice.checklist.iter().map(|item| html! { <li>{ item.text.get(lang) }</li> }) }
            </ul>

            <h2>{ Ui::ShareHeading.text(lang) }</h2>
            <p class="muted">{ Ui::ShareHint.text(lang) }</p>
            <div class="share">
                <label for="share-link">{ Ui::ShareLabel.text(lang) }</label>
                <input id="share-link" type="text" readonly=true value={share_url} data-testid="share-link" />
                <button type="button" class="secondary" onclick={on_copy}>{ Ui::Copy.text(lang) }</button>
                <p class="copy-feedback" role="status">{ copy_feedback }</p>
            </div>

            <nav class="steps">
                <button type="button" class="secondary" onclick={on_home}>{ Ui::Home.text(lang) }</button>
                <button type="button" class="primary" onclick={on_retake}>{ Ui::Retake.text(lang) }</button>
            </nav>
        </section>
    }
}
