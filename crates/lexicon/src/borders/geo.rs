//! Spherical geometry helpers: unit vectors, nearest point on a great-circle arc,
//! haversine, point in polygon.

/// Mean Earth radius (IUGG), km.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

pub(crate) type Vec3 = [f64; 3];

fn dot(a: &Vec3, b: &Vec3) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

fn cross(a: &Vec3, b: &Vec3) -> Vec3 {
    [
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    ]
}

fn norm(a: &Vec3) -> f64 {
    dot(a, a).sqrt()
}

fn chord2(a: &Vec3, b: &Vec3) -> f64 {
    let d = [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
    dot(&d, &d)
}

/// (lat, lon) degrees → unit vector.
pub(crate) fn to_unit(lat: f64, lon: f64) -> Vec3 {
    let (la, lo) = (lat.to_radians(), lon.to_radians());
    [la.cos() * lo.cos(), la.cos() * lo.sin(), la.sin()]
}

/// Unit vector → (lat, lon) degrees.
pub(crate) fn unit_to_latlon(v: &Vec3) -> (f64, f64) {
    let lat = v[2].clamp(-1.0, 1.0).asin().to_degrees();
    let lon = v[1].atan2(v[0]).to_degrees();
    (lat, lon)
}

/// Squared chord length between two unit vectors `angle` radians apart.
pub(crate) fn chord2_from_angle(angle: f64) -> f64 {
    let c = 2.0 * (angle.min(std::f64::consts::PI) / 2.0).sin();
    c * c
}

/// Great-circle distance in km (haversine).
pub(crate) fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// A boundary segment: the great-circle arc from `a` to `b`, with precomputed normals.
#[derive(Debug, Clone)]
pub(crate) struct Seg {
    pub a: Vec3,
    pub b: Vec3,
    /// Unit normal of the arc's plane (zero for a degenerate segment).
    n: Vec3,
    /// `n × a` and `b × n`: a point's projection lies on the arc iff both dots are ≥ 0.
    ea: Vec3,
    eb: Vec3,
}

impl Seg {
    pub(crate) fn new(a: Vec3, b: Vec3) -> Seg {
        let c = cross(&a, &b);
        let l = norm(&c);
        let n = if l > 1e-15 {
            [c[0] / l, c[1] / l, c[2] / l]
        } else {
            [0.0; 3]
        };
        Seg {
            ea: cross(&n, &a),
            eb: cross(&b, &n),
            a,
            b,
            n,
        }
    }

    /// Nearest point of the arc to unit vector `p`, and its squared chord distance.
    pub(crate) fn nearest(&self, p: &Vec3) -> (f64, Vec3) {
        if dot(p, &self.ea) >= 0.0 && dot(p, &self.eb) >= 0.0 && self.n != [0.0; 3] {
            let s = dot(p, &self.n);
            let f = [
                p[0] - s * self.n[0],
                p[1] - s * self.n[1],
                p[2] - s * self.n[2],
            ];
            let l = norm(&f);
            if l > 1e-15 {
                let q = [f[0] / l, f[1] / l, f[2] / l];
                return (chord2(p, &q), q);
            }
        }
        let (da, db) = (chord2(p, &self.a), chord2(p, &self.b));
        if da <= db {
            (da, self.a)
        } else {
            (db, self.b)
        }
    }
}

/// A polygon ring, (lat, lon) vertices (closed: first = last), with its edges bucketed
/// by latitude band so that a ray test only looks at the edges near the query latitude.
pub(crate) struct Ring {
    pub pts: Vec<(f64, f64)>,
    min_lat: f64,
    /// Bands per degree of latitude.
    inv_h: f64,
    /// Band `b` holds edges `edges[start[b]..start[b + 1]]` (edge `i` joins `pts[i]` and `pts[i + 1]`).
    start: Vec<u32>,
    edges: Vec<u32>,
}

impl Ring {
    pub(crate) fn new(pts: Vec<(f64, f64)>) -> Ring {
        let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
        for &(lat, _) in &pts {
            lo = lo.min(lat);
            hi = hi.max(lat);
        }
        let n_edges = pts.len().saturating_sub(1);
        let bands = (n_edges / 16).clamp(1, 4096);
        let inv_h = if hi > lo {
            bands as f64 / (hi - lo)
        } else {
            0.0
        };
        let band = |lat: f64| (((lat - lo) * inv_h) as usize).min(bands - 1);
        let mut start = vec![0u32; bands + 1];
        for w in pts.windows(2) {
            let (a, b) = (band(w[0].0.min(w[1].0)), band(w[0].0.max(w[1].0)));
            for k in a..=b {
                start[k + 1] += 1;
            }
        }
        for k in 1..start.len() {
            start[k] += start[k - 1];
        }
        let mut fill = start.clone();
        let mut edges = vec![0u32; start[bands] as usize];
        for (i, w) in pts.windows(2).enumerate() {
            let (a, b) = (band(w[0].0.min(w[1].0)), band(w[0].0.max(w[1].0)));
            for slot in &mut fill[a..=b] {
                edges[*slot as usize] = i as u32;
                *slot += 1;
            }
        }
        Ring {
            pts,
            min_lat: lo,
            inv_h,
            start,
            edges,
        }
    }

    /// Whether a ray from the point towards +longitude crosses this ring an odd number of
    /// times.
    fn odd_crossings(&self, lat: f64, lon: f64) -> bool {
        let bands = self.start.len() - 1;
        if lat < self.min_lat {
            return false;
        }
        let b = (((lat - self.min_lat) * self.inv_h) as usize).min(bands - 1);
        let mut inside = false;
        for &i in &self.edges[self.start[b] as usize..self.start[b + 1] as usize] {
            let (yi, xi) = self.pts[i as usize];
            let (yj, xj) = self.pts[i as usize + 1];
            if (yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi {
                inside = !inside;
            }
        }
        inside
    }
}

/// Even-odd ray test of (lat, lon) against a polygon's rings (outer ring and holes).
pub(crate) fn in_rings(rings: &[Ring], lat: f64, lon: f64) -> bool {
    rings
        .iter()
        .fold(false, |inside, r| inside ^ r.odd_crossings(lat, lon))
}
