// SOS survey: saves each answer as it is given and keeps the progress current. The survey works
// without this script (every page is a form that saves on Next/Back); this only saves sooner.
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
	let pending = 0;
	const say = (key, bad) => {
		status.textContent = status.dataset[key];
		status.className = 'sv-status' + (bad ? ' sv-bad' : key === 'saved' ? ' sv-ok' : '');
	};
	const send = (patch) => {
		pending++;
		say('saving');
		fetch('/s/answers', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(patch), credentials: 'same-origin' })
			.then((r) => {
				pending--;
				if (r.ok) pending || say('saved');
				else say(r.status === 400 ? 'invalid' : r.status === 404 || r.status === 409 ? 'gone' : 'failed', true);
			})
			.catch(() => {
				pending--;
				say('failed', true);
			});
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
		if (name.startsWith('a_')) return { answers: { [key]: +el.value } };
		if (!name.startsWith('q_')) return null;
		let v;
		if (el.type === 'checkbox') {
			v = [...form.querySelectorAll(`input[name="${CSS.escape(name)}"]:checked`)].map((c) => +c.value);
			if (!v.length) v = null;
		} else if (el.type === 'radio') v = +el.value;
		else v = el.value.trim() === '' ? null : el.value;
		return { questions: { [key]: v } };
	};
	const timers = {};
	form.addEventListener('change', (e) => {
		clearTimeout(timers[e.target.name]);
		const patch = patchFor(e.target);
		if (patch) send(patch);
		count();
	});
	// Typed answers are saved after a pause, not on every key.
	form.addEventListener('input', (e) => {
		const el = e.target;
		if (el.type === 'radio' || el.type === 'checkbox') return;
		clearTimeout(timers[el.name]);
		timers[el.name] = setTimeout(() => {
			const patch = patchFor(el);
			if (patch) send(patch);
		}, 1200);
	});
})();
