// AttnDx viewer: uploads studies to POST /api/v1/predict, keeps a worklist sorted by priority and draws the
// image with its explanation map. Plain browser JavaScript, no build step.
"use strict";

const state = { studies: [], selected: -1, card: null, drawing: 0 };
const $ = (id) => document.getElementById(id);

function pct(p) {
  return (100 * p).toFixed(1) + "%";
}

function text(tag, content, cls) {
  const el = document.createElement(tag);
  el.textContent = content;
  if (cls) el.className = cls;
  return el;
}

async function loadCard() {
  try {
    const r = await fetch("api/v1/model");
    const card = await r.json();
    state.card = card;
    const d = card.decision;
    const parts = [card.preset + " model", "classes " + card.classes.join(" / "),
      card.temperature ? "calibrated (T = " + card.temperature.toFixed(3) + ")" : "uncalibrated"];
    if (d && d.tau != null) parts.push("refers below " + pct(d.tau) + " confidence");
    if (d && d.operatingThreshold != null) parts.push("expedites from " + pct(d.operatingThreshold));
    $("model-summary").textContent = parts.join(", ");
    const list = $("model-warnings");
    list.replaceChildren(...card.warnings.map((w) => text("li", w)));
    if (!card.explanations.includes("attention")) {
      $("map-attention").disabled = true;
      $("map-gradcam").checked = true;
    }
  } catch (e) {
    $("model-summary").textContent = "The model card could not be loaded: " + e;
  }
}

// Triage order: studies to expedite first, then by priority, failures last (stable otherwise).
function rank(s) {
  if (s.error) return [3, 0];
  if (s.study.expedite) return [0, -s.study.priority];
  return s.study.priority == null ? [2, 0] : [1, -s.study.priority];
}

function sortWorklist() {
  state.studies.sort((a, b) => {
    const ra = rank(a), rb = rank(b);
    return ra[0] - rb[0] || ra[1] - rb[1] || a.order - b.order;
  });
}

function renderWorklist() {
  const items = state.studies.map((s, i) => {
    const li = document.createElement("li");
    const b = document.createElement("button");
    b.type = "button";
    b.className = "study";
    b.dataset.index = String(i);
    b.setAttribute("aria-current", String(i === state.selected));
    b.append(text("span", s.name));
    if (s.error) {
      b.append(text("span", "error", "tag error"));
    } else {
      const st = s.study;
      b.append(text("span", st.priority != null ? pct(st.priority) : pct(st.confidence)));
      if (st.expedite) b.append(text("span", "expedite", "tag expedite"));
      if (st.refer) b.append(text("span", "refer", "tag refer"));
    }
    b.addEventListener("click", () => select(i));
    b.addEventListener("keydown", (e) => {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        const next = Math.max(0, Math.min(state.studies.length - 1, i + (e.key === "ArrowDown" ? 1 : -1)));
        select(next);
        document.querySelector('#worklist button[data-index="' + next + '"]').focus();
      }
    });
    li.append(b);
    return li;
  });
  $("worklist").replaceChildren(...items);
}

function currentMap() {
  return document.querySelector('input[name="map"]:checked').value;
}

function loadImage(base64) {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error("image could not be decoded"));
    img.src = "data:image/png;base64," + base64;
  });
}

async function draw() {
  const s = state.studies[state.selected];
  const canvas = $("viewer-canvas");
  const ctx = canvas.getContext("2d");
  canvas.dataset.drawn = "false";
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  if (!s || s.error) return;
  // Slider moves start draws faster than images decode: only the latest one paints.
  const token = ++state.drawing;
  const name = s.maps[currentMap()] ? currentMap() : Object.keys(s.maps)[0];
  const base = await loadImage(s.image);
  const map = name ? await loadImage(s.maps[name]) : null;
  if (token !== state.drawing) return;
  ctx.globalAlpha = 1;
  ctx.drawImage(base, 0, 0, canvas.width, canvas.height);
  const opacity = Number($("opacity").value) / 100;
  if (map) {
    ctx.globalAlpha = opacity;
    ctx.drawImage(map, 0, 0, canvas.width, canvas.height);
    ctx.globalAlpha = 1;
    $("map-caption").textContent = (name === "attention" ? "Attention map" : "Grad-CAM") + " of the predicted class "
      + s.study.label + " at " + pct(opacity) + " opacity";
  }
  canvas.dataset.map = name || "";
  canvas.dataset.opacity = String(opacity);
  canvas.dataset.drawn = "true";
}

function select(i) {
  state.selected = i;
  renderWorklist();
  const s = state.studies[i];
  $("detail").hidden = false;
  $("study-id").textContent = s.name;
  const refer = $("refer-banner"), expedite = $("expedite-banner"), shift = $("shift-warning");
  refer.hidden = expedite.hidden = shift.hidden = true;
  $("qc-warnings").replaceChildren();
  $("probabilities").tBodies[0].replaceChildren();
  if (s.error) {
    $("probability").textContent = "not assessed: " + s.error;
    draw();
    return;
  }
  const st = s.study;
  $("probability").textContent = st.label + " " + pct(st.confidence) + (st.calibrated ? " (calibrated)" : " (uncalibrated)");
  const rows = Object.entries(st.probabilities).map(([k, v]) => {
    const tr = document.createElement("tr");
    tr.append(text("td", k), text("td", pct(v)));
    return tr;
  });
  $("probabilities").tBodies[0].replaceChildren(...rows);
  if (st.refer) {
    const tau = state.card && state.card.decision ? pct(state.card.decision.tau) : "tau";
    refer.textContent = "Refer to standard review: the model is not confident enough (" + pct(st.confidence)
      + " < " + tau + ").";
    refer.hidden = false;
  }
  if (st.expedite) {
    expedite.textContent = "Expedite: " + pct(st.priority) + " reaches the triage operating point.";
    expedite.hidden = false;
  }
  $("qc-warnings").replaceChildren(...st.qc.map((f) => text("li", "Quality control: " + f.reason)));
  if (st.shiftFlag) {
    shift.textContent = "Possible distribution shift: this image is unlike the training data (score "
      + st.shiftScore.toFixed(2) + "); trust the result less.";
    shift.hidden = false;
  }
  draw();
}

async function assess(file, order) {
  const form = new FormData();
  form.append("image", file, file.name);
  const r = await fetch("api/v1/predict", { method: "POST", body: form });
  const body = await r.json();
  if (!r.ok) return { name: file.name, order, error: body.error || ("HTTP " + r.status) };
  return { name: file.name, order, study: body.study, image: body.image, maps: body.maps };
}

async function onSubmit(e) {
  e.preventDefault();
  const files = Array.from($("files").files);
  if (files.length === 0) {
    $("status").textContent = "Choose one or more images first.";
    return;
  }
  $("status").textContent = "Assessing " + files.length + " stud" + (files.length === 1 ? "y" : "ies") + "...";
  const start = state.studies.length;
  for (let i = 0; i < files.length; i++) {
    state.studies.push(await assess(files[i], start + i));
  }
  sortWorklist();
  const first = state.studies.findIndex((s) => s.order === start);
  $("status").textContent = files.length + " assessed.";
  select(first >= 0 ? first : 0);
}

$("upload-form").addEventListener("submit", onSubmit);
$("opacity").addEventListener("input", () => {
  $("opacity-value").textContent = $("opacity").value + "%";
  draw();
});
document.querySelectorAll('input[name="map"]').forEach((r) => r.addEventListener("change", draw));
loadCard();
