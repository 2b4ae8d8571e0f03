//! `kashf._kashf`: the extension module of the Python package `kashf`.
//!
//! In: Python `str`s (and iterables of them), gazetteer and model paths.
//! Out: `Entity` objects whose fields are the Rust [`kashf::Entity`]'s as
//! its `Serialize` writes them for the CLI's JSONL (names, order and
//! values), so a field added there reaches Python with no change here.
//! Offsets are code points, which is what Python indexes `str` by.
//!
//! Extraction runs with the GIL released; `extract_many` runs a batch of
//! texts on a rayon pool and gives the results back in input order. Errors
//! become the exceptions of `kashf/_errors.py` with the library's messages
//! (the CLI's, without its `kashf: ` prefix), I/O errors Python's own
//! `OSError` subclasses.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;
use kashf::extract::Scratch;
use kashf::normalize::{Folds, Normalizer, matching_key};
use pyo3::exceptions::{PyAttributeError, PyOSError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyIterator, PyList, PyString, PyTuple};
use rayon::prelude::*;
use serde_json::{Map, Value};

/// An entity's fields as the JSONL writes them.
type Fields = Map<String, Value>;

/// How many texts `extract_many` takes from its iterable at a time, at
/// most; fewer when they reach [`BATCH_BYTES`].
const BATCH_TEXTS: usize = 1024;
/// How many bytes of text `extract_many` takes at a time, about.
const BATCH_BYTES: usize = 4 << 20;

thread_local! {
    /// Each thread's buffers and word memo, kept between documents (the
    /// tagger's memo is what makes short documents cheap).
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Extracts one document on this thread and serialises its entities.
fn extract_fields(extractor: &kashf::Extractor, text: &str) -> Vec<Fields> {
    let entities = SCRATCH.with_borrow_mut(|scratch| extractor.extract_with(text, scratch));
    entities.iter().map(fields).collect()
}

fn fields(e: &kashf::Entity) -> Fields {
    match serde_json::to_value(e) {
        Ok(Value::Object(map)) => map,
        other => unreachable!("an entity serialises to an object, not {other:?}"),
    }
}

/// A JSON value as the Python object `json.loads` would make of it.
fn to_py<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => i.into_pyobject(py)?.into_any(),
            (None, Some(u)) => u.into_pyobject(py)?.into_any(),
            _ => n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
        },
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let items = items
                .iter()
                .map(|x| to_py(py, x))
                .collect::<PyResult<Vec<_>>>()?;
            PyList::new(py, items)?.into_any()
        }
        Value::Object(map) => dict(py, map)?.into_any(),
    })
}

fn dict<'py>(py: Python<'py>, map: &Fields) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    for (k, v) in map {
        d.set_item(k, to_py(py, v)?)?;
    }
    Ok(d)
}

/// One entity found in a text.
///
/// Its attributes are the fields of the CLI's JSONL, in that order:
/// `label`, `text`, `start`, `end`, `norm`, `value`, `kind`, `id`,
/// `source` (and any field the JSONL gains). `start` and `end` index the
/// original text in code points, as Python's `str` does:
/// `text[e.start:e.end] == e.text`.
#[pyclass(frozen, eq, module = "kashf", name = "Entity")]
#[derive(PartialEq)]
struct Entity {
    fields: Fields,
}

#[pymethods]
impl Entity {
    fn __getattr__<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        match self.fields.get(name) {
            Some(v) => to_py(py, v),
            None => Err(PyAttributeError::new_err(format!(
                "'Entity' object has no attribute '{name}'"
            ))),
        }
    }

    /// The field names, in order.
    #[getter]
    fn fields(&self) -> Vec<String> {
        self.fields.keys().cloned().collect()
    }

    /// The fields as a dict, in order: `json.dumps(e.to_dict())` is the
    /// entity's JSONL object.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        dict(py, &self.fields)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let mut parts = Vec::with_capacity(self.fields.len());
        for (k, v) in &self.fields {
            parts.push(format!("{k}={}", to_py(py, v)?.repr()?));
        }
        Ok(format!("Entity({})", parts.join(", ")))
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        Value::Object(self.fields.clone()).to_string().hash(&mut h);
        h.finish()
    }

    fn __dir__(&self) -> Vec<String> {
        let mut names = self.fields();
        names.extend(["fields", "to_dict"].map(String::from));
        names
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let json = Value::Object(self.fields.clone()).to_string();
        let rebuild = py.import("kashf._kashf")?.getattr("_entity_from_json")?;
        Ok((rebuild, (json,)))
    }
}

/// Rebuilds an entity from its JSON object (for pickle).
#[pyfunction]
fn _entity_from_json(json: &str) -> PyResult<Entity> {
    match serde_json::from_str(json) {
        Ok(Value::Object(fields)) => Ok(Entity { fields }),
        _ => Err(PyValueError::new_err("not an entity's JSON object")),
    }
}

fn entities(list: Vec<Fields>) -> Vec<Entity> {
    list.into_iter().map(|fields| Entity { fields }).collect()
}

/// The exception of `kashf._errors` named `class`, with the message and
/// where it happened.
fn kashf_error(
    py: Python<'_>,
    class: &str,
    message: String,
    kind: &str,
    path: Option<String>,
    line: Option<u64>,
) -> PyErr {
    let made = (|| {
        let cls = py.import("kashf._errors")?.getattr(class)?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("kind", kind)?;
        kwargs.set_item("path", path)?;
        kwargs.set_item("line", line)?;
        cls.call((message,), Some(&kwargs))
    })();
    match made {
        Ok(e) => PyErr::from_value(e),
        Err(e) => e,
    }
}

/// Python's `OSError(errno, message, path)`, which is `FileNotFoundError`,
/// `PermissionError`, … as the error number says.
fn os_error(py: Python<'_>, e: &std::io::Error, path: Option<String>) -> PyErr {
    match py
        .get_type::<PyOSError>()
        .call1((e.raw_os_error(), e.to_string(), path))
    {
        Ok(e) => PyErr::from_value(e),
        Err(e) => e,
    }
}

/// A library error as its Python exception.
fn py_error(py: Python<'_>, e: &kashf::Error) -> PyErr {
    use kashf::ErrorKind as K;
    let path = e.path().map(|p| p.display().to_string());
    if e.kind() == K::Io
        && let Some(io) = std::error::Error::source(e).and_then(|s| s.downcast_ref())
    {
        return os_error(py, io, path);
    }
    let (class, kind) = match e.kind() {
        K::Gazetteer => ("GazetteerError", "gazetteer"),
        K::Encoding => ("KashfError", "encoding"),
        K::Binary => ("KashfError", "binary"),
        K::Json => ("KashfError", "json"),
        K::Config => ("KashfError", "config"),
        K::Io => ("KashfError", "io"),
        _ => ("KashfError", "other"),
    };
    kashf_error(py, class, e.to_string(), kind, path, e.line())
}

/// A `ref_date` argument: `None`, a `datetime.date` (or `datetime`), or a
/// `YYYY-MM-DD` string.
fn ref_date(value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<NaiveDate>> {
    let Some(v) = value.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    if v.is_instance_of::<PyString>() {
        let s: String = v.extract()?;
        return NaiveDate::parse_from_str(&s, "%Y-%m-%d")
            .map(Some)
            .map_err(|e| {
                PyValueError::new_err(format!("ref_date {s:?}: expected YYYY-MM-DD: {e}"))
            });
    }
    let date = v.py().import("datetime")?.getattr("date")?;
    if v.is_instance(&date)? {
        let (y, m, d): (i32, u32, u32) = (
            v.getattr("year")?.extract()?,
            v.getattr("month")?.extract()?,
            v.getattr("day")?.extract()?,
        );
        return NaiveDate::from_ymd_opt(y, m, d)
            .map(Some)
            .ok_or_else(|| PyValueError::new_err(format!("ref_date: no such date {y}-{m}-{d}")));
    }
    Err(PyTypeError::new_err(format!(
        "ref_date must be a datetime.date, a 'YYYY-MM-DD' string or None, not {}",
        v.get_type().name()?
    )))
}

/// The extractor that `kashf.extract` uses: defaults, built on first use.
static DEFAULT: PyOnceLock<kashf::Extractor> = PyOnceLock::new();

/// A `hijri_calendar` argument: the CLI's `--hijri-calendar` values.
fn hijri_calendar(name: &str) -> PyResult<kashf::HijriCalendar> {
    match name {
        "umm-al-qura" => Ok(kashf::HijriCalendar::UmmAlQura),
        "tabular" => Ok(kashf::HijriCalendar::Tabular),
        _ => Err(PyValueError::new_err(format!(
            "hijri_calendar must be 'umm-al-qura' or 'tabular', not {name:?}"
        ))),
    }
}

fn default_extractor(py: Python<'_>) -> PyResult<&'static kashf::Extractor> {
    DEFAULT.get_or_try_init(py, || {
        py.detach(|| kashf::Extractor::builder().build())
            .map_err(|e| py_error(py, &e))
    })
}

/// An extraction pipeline, built once and reused: gazetteers, the tagger
/// model and the reference date are fixed when it is made. Thread-safe;
/// extraction releases the GIL.
#[pyclass(frozen, module = "kashf", name = "Extractor")]
struct Extractor {
    inner: kashf::Extractor,
    repr: String,
}

#[pymethods]
impl Extractor {
    #[new]
    #[pyo3(signature = (gazetteers=Vec::new(), default_gazetteers=true, model=None, default_model=true, ref_date=None, hijri_calendar="umm-al-qura"))]
    fn new(
        py: Python<'_>,
        gazetteers: Vec<PathBuf>,
        default_gazetteers: bool,
        model: Option<PathBuf>,
        default_model: bool,
        ref_date: Option<&Bound<'_, PyAny>>,
        hijri_calendar: &str,
    ) -> PyResult<Extractor> {
        let date = self::ref_date(ref_date)?;
        let mut builder = kashf::Extractor::builder()
            .default_gazetteers(default_gazetteers)
            .default_model(default_model)
            .ref_date(date)
            .hijri_calendar(self::hijri_calendar(hijri_calendar)?);
        for path in &gazetteers {
            let g = py.detach(|| kashf::gazetteer::Gazetteer::from_path(path));
            builder = builder.gazetteer(g.map_err(|e| py_error(py, &e))?);
        }
        if let Some(path) = &model {
            let shown = path.display().to_string();
            let bytes = std::fs::read(path).map_err(|e| os_error(py, &e, Some(shown.clone())))?;
            let m = kashf::Model::from_bytes(&bytes).map_err(|m| {
                kashf_error(
                    py,
                    "ModelError",
                    format!("{shown}: {m}"),
                    "model",
                    Some(shown.clone()),
                    None,
                )
            })?;
            builder = builder.model(m);
        }
        let inner = py
            .detach(|| builder.build())
            .map_err(|e| py_error(py, &e))?;
        let py_bool = |b: bool| if b { "True" } else { "False" };
        let repr = format!(
            "Extractor(gazetteers={:?}, default_gazetteers={}, model={}, default_model={}, ref_date={}, hijri_calendar={:?})",
            gazetteers
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>(),
            py_bool(default_gazetteers),
            model.map_or("None".into(), |p| format!("{:?}", p.display().to_string())),
            py_bool(default_model),
            date.map_or("None".into(), |d| format!("'{d}'")),
            hijri_calendar,
        );
        Ok(Extractor { inner, repr })
    }

    /// The entities of one text, in order.
    fn extract(&self, py: Python<'_>, text: String) -> Vec<Entity> {
        entities(py.detach(|| extract_fields(&self.inner, &text)))
    }

    /// The entities of each text of an iterable, in input order, as an
    /// iterator of lists. Texts are taken in batches and extracted on
    /// `threads` threads (default: all cores, or `RAYON_NUM_THREADS`)
    /// with the GIL released.
    #[pyo3(signature = (texts, threads=None))]
    fn extract_many(
        &self,
        texts: &Bound<'_, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<ExtractMany> {
        let pool = match threads {
            None => None,
            Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
            Some(n) => Some(Arc::new(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build()
                    .map_err(|e| PyOSError::new_err(format!("starting {n} threads: {e}")))?,
            )),
        };
        Ok(ExtractMany {
            extractor: self.inner.clone(),
            source: Some(texts.try_iter()?.unbind()),
            pool,
            ready: VecDeque::new(),
            taken: 0,
            error: None,
        })
    }

    fn __repr__(&self) -> String {
        self.repr.clone()
    }
}

/// The iterator `Extractor.extract_many` returns.
#[pyclass(module = "kashf")]
struct ExtractMany {
    extractor: kashf::Extractor,
    /// `None` once the iterable is exhausted or failed.
    source: Option<Py<PyIterator>>,
    pool: Option<Arc<rayon::ThreadPool>>,
    ready: VecDeque<Vec<Fields>>,
    /// How many texts have been taken.
    taken: usize,
    /// What the iterable raised, to raise after the texts taken before.
    error: Option<PyErr>,
}

impl ExtractMany {
    /// Takes the next batch of texts and extracts them in parallel.
    fn refill(&mut self, py: Python<'_>) {
        let Some(source) = &self.source else { return };
        let mut iter = source.bind(py).clone();
        let (mut texts, mut bytes) = (Vec::new(), 0);
        while texts.len() < BATCH_TEXTS && bytes < BATCH_BYTES {
            let text = match iter.next() {
                None => {
                    self.source = None;
                    break;
                }
                Some(Err(e)) => Err(e),
                Some(Ok(item)) => item.extract::<String>().map_err(|_| {
                    let ty = item.get_type().name().map_or("?".into(), |n| n.to_string());
                    PyTypeError::new_err(format!(
                        "extract_many: item {} is {ty}, not str",
                        self.taken
                    ))
                }),
            };
            match text {
                Ok(t) => {
                    bytes += t.len();
                    texts.push(t);
                    self.taken += 1;
                }
                Err(e) => {
                    self.error = Some(e);
                    self.source = None;
                    break;
                }
            }
        }
        let extractor = &self.extractor;
        let pool = self.pool.as_deref();
        let done: Vec<Vec<Fields>> = py.detach(|| {
            let run = || {
                texts
                    .par_iter()
                    .map(|t| extract_fields(extractor, t))
                    .collect()
            };
            match pool {
                Some(p) => p.install(run),
                None => run(),
            }
        });
        self.ready.extend(done);
    }
}

#[pymethods]
impl ExtractMany {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<Vec<Entity>>> {
        if self.ready.is_empty() {
            self.refill(py);
        }
        match self.ready.pop_front() {
            Some(list) => Ok(Some(entities(list))),
            None => match self.error.take() {
                Some(e) => Err(e),
                None => Ok(None),
            },
        }
    }
}

/// The entities of one text, with the default gazetteers and model
/// (built on first use and kept).
#[pyfunction]
#[pyo3(signature = (text, *, ref_date=None))]
fn extract(
    py: Python<'_>,
    text: String,
    ref_date: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Entity>> {
    let date = self::ref_date(ref_date)?;
    let base = default_extractor(py)?;
    let found = py.detach(|| match date {
        Some(d) => extract_fields(&base.with_ref_date(Some(d)), &text),
        None => extract_fields(base, &text),
    });
    Ok(entities(found))
}

/// The fold names `normalize` takes, as keyword arguments.
const FOLDS: [&str; 9] = [
    "alef",
    "ya",
    "diacritics",
    "tatweel",
    "digits",
    "persian",
    "presentation",
    "invisible",
    "whitespace",
];

/// `text` normalised as `kashf normalize` does: every fold on unless a
/// keyword argument switches it off; `key=True` adds the matching key's
/// lossy folds.
#[pyfunction]
#[pyo3(signature = (text, key=false, **folds))]
fn normalize(
    py: Python<'_>,
    text: String,
    key: bool,
    folds: Option<&Bound<'_, PyDict>>,
) -> PyResult<String> {
    let mut f = Folds::all();
    for (name, on) in folds.into_iter().flatten() {
        let name: String = name.extract()?;
        let on: bool = on.cast::<PyBool>().map(|b| b.is_true()).map_err(|_| {
            PyTypeError::new_err(format!("normalize(): {name} must be True or False"))
        })?;
        let slot = match name.as_str() {
            "alef" => &mut f.alef,
            "ya" => &mut f.ya,
            "diacritics" => &mut f.diacritics,
            "tatweel" => &mut f.tatweel,
            "digits" => &mut f.digits,
            "persian" => &mut f.persian,
            "presentation" => &mut f.presentation,
            "invisible" => &mut f.invisible,
            "whitespace" => &mut f.whitespace,
            _ => {
                return Err(PyTypeError::new_err(format!(
                    "normalize() got an unexpected keyword argument '{name}' (folds: {})",
                    FOLDS.join(", ")
                )));
            }
        };
        *slot = on;
    }
    Ok(py.detach(|| {
        let normalized = Normalizer::new(f).normalize_str(&text).into_owned();
        if key {
            let mut k = String::new();
            matching_key(&normalized, &mut k);
            k
        } else {
            normalized
        }
    }))
}

/// The entity fields, in order, read off a serialised entity (so that they
/// are the Rust struct's, whatever it gains).
fn entity_fields() -> Vec<String> {
    let probe = kashf::Extractor::builder()
        .default_gazetteers(false)
        .default_model(false)
        .build()
        .expect("an extractor without gazetteers builds");
    let found = probe.extract("3");
    found
        .first()
        .map_or_else(Vec::new, |e| fields(e).keys().cloned().collect())
}

#[pymodule]
fn _kashf(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<Entity>()?;
    m.add_class::<Extractor>()?;
    m.add_class::<ExtractMany>()?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(normalize, m)?)?;
    m.add_function(wrap_pyfunction!(_entity_from_json, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    let labels: Vec<&str> = kashf::Label::ALL.iter().map(|l| l.as_str()).collect();
    m.add("LABELS", PyTuple::new(py, labels)?)?;
    m.add("ENTITY_FIELDS", PyTuple::new(py, entity_fields())?)?;
    m.add("FOLDS", PyTuple::new(py, FOLDS)?)?;
    Ok(())
}
