// SOS survey: saves each answer as it is given and keeps the progress current. The survey works
// without this script (every page is a form that saves on Next/Back); this only saves sooner.
// Saves go one at a time, in order; answers given meanwhile wait and go together in the next one.
// "Saved" shows only once the server has confirmed every answer; a failed save is tried again, and
// what is not yet sent goes out (keepalive) when the page is left.
(() => {
	const once = document.querySelector('form[data-once]');
	// Submitting twice is harmless on the server; a second click just does nothing here.
	once?.addEventListener('submit', (e) => {
		if (once.dataset.sent) e.preventDefault();
		once.dataset.sent = '1';
	});
	const form = document.getElementById('sv-form');
	const status = document.getElementById('sv-status');
	if (!form || !status || !window.fetch) return;
	const say = (key, bad) => {
		status.textContent = status.dataset[key];
		status.className = 'sv-status' + (bad ? ' sv-bad' : key === 'saved' ? ' sv-ok' : '');
	};
	// queue: patches not yet sent, oldest first; a new answer joins the last one.
	let queue = [];
	let busy = false;
	let wait = 0;
	const size = (p) => Object.keys(p.answers).length + Object.keys(p.questions).length;
	const add = (p) => {
		const last = queue[queue.length - 1] || (queue[queue.length] = { answers: {}, questions: {} });
		Object.assign(last.answers, p.answers);
		Object.assign(last.questions, p.questions);
	};
	const post = (p) =>
		fetch('/s/answers', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(p), credentials: 'same-origin', keepalive: true });
	const pump = () => {
		if (busy || wait || !queue.length) return;
		const p = queue.shift();
		busy = true;
		say('saving');
		const retry = (seconds) => {
			queue.unshift(p);
			say('failed', 1);
			wait = setTimeout(() => ((wait = 0), pump()), seconds * 1000);
		};
		post(p)
			.then((r) => {
				busy = false;
				if (r.ok) queue.length ? pump() : say('saved');
				else if (r.status === 400) {
					// One bad answer must not cost the others: send them one by one; a single bad one is dropped.
					if (size(p) > 1) {
						const one = [];
						for (const k in p.answers) one.push({ answers: { [k]: p.answers[k] }, questions: {} });
						for (const k in p.questions) one.push({ answers: {}, questions: { [k]: p.questions[k] } });
						queue = one.concat(queue);
						pump();
					} else say('invalid', 1), pump();
				} else if (r.status === 404 || r.status === 409) (queue = []), say('gone', 1);
				else retry(Math.min(+r.headers.get('retry-after') || 5, 60));
			})
			.catch(() => ((busy = false), retry(5)));
	};
	const send = (p) => {
		add(p);
		pump();
	};
	const progress = document.getElementById('sv-progress');
	const count = () => {
		if (!progress) return;
		const names = new Set();
		for (const el of form.querySelectorAll('input[name^="a_"]:checked')) names.add(el.name);
		const total = +progress.dataset.total;
		const answered = +progress.dataset.answered + names.size;
		progress.querySelector('.sv-count').textContent = progress.dataset.template.replace('{answered}', answered).replace('{total}', total);
		progress.querySelector('.sv-bar span').style.width = Math.round((answered / total) * 100) + '%';
	};
	const patchFor = (el) => {
		const name = el.name || '';
		const key = name.slice(2);
		if (name.startsWith('a_')) return { answers: { [key]: +el.value }, questions: {} };
		if (!name.startsWith('q_')) return null;
		let v;
		if (el.type === 'checkbox') {
			v = [...form.querySelectorAll(`input[name="${CSS.escape(name)}"]:checked`)].map((c) => +c.value);
			if (!v.length) v = null;
		} else if (el.type === 'radio') v = +el.value;
		else v = el.value.trim() === '' ? null : el.value;
		return { answers: {}, questions: { [key]: v } };
	};
	const typing = new Map();
	form.addEventListener('change', (e) => {
		clearTimeout(typing.get(e.target));
		typing.delete(e.target);
		const patch = patchFor(e.target);
		if (patch) send(patch);
		count();
	});
	// Typed answers are saved after a pause, not on every key.
	form.addEventListener('input', (e) => {
		const el = e.target;
		if (el.type === 'radio' || el.type === 'checkbox') return;
		clearTimeout(typing.get(el));
		typing.set(
			el,
			setTimeout(() => {
				typing.delete(el);
				const patch = patchFor(el);
				if (patch) send(patch);
			}, 1200)
		);
	});
	// Leaving the page: what is typed or waiting goes out now, in one request that outlives the page.
	const flush = () => {
		for (const [el, t] of typing) {
			clearTimeout(t);
			const patch = patchFor(el);
			if (patch) add(patch);
		}
		typing.clear();
		if (!queue.length) return;
		const all = { answers: {}, questions: {} };
		for (const p of queue) Object.assign(all.answers, p.answers), Object.assign(all.questions, p.questions);
		queue = [];
		// Still here (another tab was shown): what did not arrive goes back in line.
		const back = () => (queue.unshift(all), pump());
		post(all).then((r) => r.ok || r.status === 404 || r.status === 409 || back(), back);
	};
	addEventListener('pagehide', flush);
	document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flush());
})();
