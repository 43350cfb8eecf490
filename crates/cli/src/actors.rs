//! `spillover actors`: list registry entries with their aliases, search them, and check
//! registry tables (the shipped ones and an analyst's own).

use anyhow::Result;
use spillover_lexicon::actors::{read_folder, Registry, RegistryError, Severity, BUILTIN};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct ActorsArgs {
    /// Only entries whose id, name or an alias contains NAME (accents and case ignored).
    #[arg(long, value_name = "NAME")]
    pub search: Option<String>,
    /// A folder of extra registry tables (`*.tsv`) added to the shipped ones.
    #[arg(long, env = "SPILLOVER_ACTORS", value_name = "DIR")]
    pub actors: Option<PathBuf>,
    /// Check the registry (with FILES, check those tables on top of the shipped ones) and
    /// report each problem as file:line; exit 1 when there is an error.
    #[arg(long, num_args = 0.., value_name = "FILES")]
    pub check: Option<Vec<PathBuf>>,
    /// One JSON object per entry.
    #[arg(long)]
    pub json: bool,
}

fn extra_tables(args: &ActorsArgs) -> Result<Vec<(String, String)>, RegistryError> {
    let mut tables = match &args.actors {
        Some(dir) if !dir.as_os_str().is_empty() => read_folder(dir)?,
        _ => Vec::new(),
    };
    for f in args.check.iter().flatten() {
        let text = std::fs::read_to_string(f).map_err(|source| RegistryError::Io {
            path: f.display().to_string(),
            source,
        })?;
        tables.push((f.display().to_string(), text));
    }
    Ok(tables)
}

pub fn run(args: ActorsArgs) -> Result<ExitCode> {
    let extra = extra_tables(&args)?;
    let loaded = Registry::from_tables(BUILTIN, &extra);
    if args.check.is_some() {
        let (problems, entries) = match &loaded {
            Ok(r) => (r.warnings().to_vec(), r.entries().len()),
            Err(RegistryError::Invalid(p)) => (p.clone(), 0),
            Err(e) => anyhow::bail!("{e}"),
        };
        for p in &problems {
            println!("{p}");
        }
        let errors = problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count();
        eprintln!(
            "{} tables, {entries} entries, {errors} errors, {} warnings",
            BUILTIN.len() + extra.len(),
            problems.len() - errors
        );
        return Ok(if errors > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        });
    }
    let registry = loaded?;
    let entries: Vec<_> = match &args.search {
        Some(q) => registry.search(q),
        None => registry.entries().iter().collect(),
    };
    for e in &entries {
        if args.json {
            println!(
                "{}",
                serde_json::json!({
                    "id": e.id, "kind": e.kind.as_str(), "name": e.name, "country": e.country,
                    "parent": e.parent, "code": e.code, "aliases": e.aliases,
                    "metonyms": e.metonyms, "members": e.members, "origin": e.origin,
                })
            );
        } else {
            let mut line = format!("{:<24} {:<16} {}", e.id, e.kind.as_str(), e.name);
            if let Some(c) = &e.country {
                line.push_str(&format!(" [{c}]"));
            }
            if let Some(c) = &e.code {
                line.push_str(&format!(" code {c}"));
            }
            if let Some(p) = &e.parent {
                line.push_str(&format!(" parent {p}"));
            }
            if !e.aliases.is_empty() {
                line.push_str(&format!(" — aka {}", e.aliases.join(" | ")));
            }
            if !e.metonyms.is_empty() {
                line.push_str(&format!(" — stands for it: {}", e.metonyms.join(" | ")));
            }
            if !e.members.is_empty() {
                line.push_str(&format!(" — members {}", e.members.join(" ")));
            }
            println!("{line}");
        }
    }
    if entries.is_empty() {
        eprintln!("no entry matches");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
