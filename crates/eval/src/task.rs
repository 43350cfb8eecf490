//! The five evaluation tasks.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::EvalError;

/// One of the stages that `spillover eval` scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Task {
    /// Named entities (`entities`).
    Ner,
    /// Toponyms resolved to coordinates (`toponyms`).
    Geo,
    /// TIMEX3 temporal expressions (`timexes`).
    Time,
    /// Quotation / attribution relations (`attributions`).
    Attribution,
    /// Coded events (`events`).
    Events,
}

impl Task {
    /// Every task, in a fixed order.
    pub const ALL: [Task; 5] = [
        Task::Ner,
        Task::Geo,
        Task::Time,
        Task::Attribution,
        Task::Events,
    ];

    /// The task's name as used on the command line and in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Task::Ner => "ner",
            Task::Geo => "geo",
            Task::Time => "time",
            Task::Attribution => "attribution",
            Task::Events => "events",
        }
    }

    /// The JSON field of a gold line that holds this task's annotations.
    pub fn field(self) -> &'static str {
        match self {
            Task::Ner => "entities",
            Task::Geo => "toponyms",
            Task::Time => "timexes",
            Task::Attribution => "attributions",
            Task::Events => "events",
        }
    }

    /// The task a gold file is for, from its file name prefix
    /// (`ner-wikigold.jsonl` → `Ner`); `None` when the prefix names no task.
    pub fn from_file_name(name: &str) -> Option<Task> {
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        let prefix = base.split(['-', '.', '_']).next().unwrap_or(base);
        prefix.parse().ok()
    }
}

impl FromStr for Task {
    type Err = EvalError;

    fn from_str(s: &str) -> Result<Task, EvalError> {
        Task::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| EvalError::UnknownTask(s.to_string()))
    }
}

impl fmt::Display for Task {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_names() {
        for t in Task::ALL {
            assert_eq!(t.as_str().parse::<Task>().ok(), Some(t));
        }
        assert!("NER".parse::<Task>().is_err());
        assert!("".parse::<Task>().is_err());
    }

    #[test]
    fn task_from_file_name() {
        assert_eq!(Task::from_file_name("ner-x.jsonl"), Some(Task::Ner));
        assert_eq!(Task::from_file_name("/a/b/geo-y.jsonl"), Some(Task::Geo));
        assert_eq!(
            Task::from_file_name("attribution-polnear-dev.jsonl"),
            Some(Task::Attribution)
        );
        assert_eq!(Task::from_file_name("MANIFEST.md"), None);
    }
}
