// Written by `npm run openapi` from openapi.json; do not edit.

export interface paths {
    "/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List units */
        get: operations["listUnits"];
        put?: never;
        /** Create a unit */
        post: operations["createUnit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** Get a unit */
        get: operations["getUnit"];
        put?: never;
        post?: never;
        /**
         * Delete an empty unit
         * @description Refused with 409 while the unit has users, viewers or sub-units.
         */
        delete: operations["deleteUnit"];
        options?: never;
        head?: never;
        /** Rename or move a unit */
        patch: operations["updateUnit"];
        trace?: never;
    };
    "/units/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Merge a unit into another
         * @description Its sub-units, people and the viewers scoped to it move to `intoId`, it is deleted, and `intoId` takes over its history in trends. 409 when merging into itself or one of its sub-units, or when both have a sub-unit of the same name.
         */
        post: operations["mergeUnit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users */
        get: operations["listUsers"];
        put?: never;
        /** Create a user */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** Get a user */
        get: operations["getUser"];
        put?: never;
        post?: never;
        /** Delete a user */
        delete: operations["deleteUser"];
        options?: never;
        head?: never;
        /** Update a user */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/users/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview a user import
         * @description Upload an .xlsx or .csv file (multipart/form-data, field `file`, at most 10 MB). Returns a preview with every row’s errors; nothing is written.
         */
        post: operations["previewUserImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/import/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** Get an import preview */
        get: operations["getUserImport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/import/{id}/apply": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply an import
         * @description All or nothing: refused with 400 when the preview has row errors, and with 409 when it was already applied, is more than an hour old, or the users changed since so that rows now have errors.
         */
        post: operations["applyUserImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/import/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download the import template */
        get: operations["userImportTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/survey/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a participant’s survey
         * @description Authenticated by the invitation token, not an API token. Answers are keyed by statement and question key, merged over the saved draft: 1–5, 0 for “don’t know”, -1 for “not used in our team” (only for the statements the model offers it for), or null. Submitting twice stores one response (the second answer says alreadySubmitted). The stored response holds no person, invitation or time.
         */
        post: operations["submitSurvey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rounds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List survey rounds */
        get: operations["listRounds"];
        put?: never;
        /**
         * Create a survey round
         * @description With `launch` (the default) the round is scheduled and opens at `startsAt` (now when left out): invitations are emailed then. A launched round that shares people with a round still open at its start is created all the same, with an `overlaps_open_round` warning in `warnings`. With `launch: false` it is saved as a draft. Dates left out default to: start now, end two weeks later, publish at the end, three reminders spread over the period. Dates are ISO 8601 with a time zone. With `repeatMonths` (3, 6 or 12) the round repeats: when it opens, the next round is created with the same settings, every date moved on by that many months.
         */
        post: operations["createRound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rounds/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** Get a survey round */
        get: operations["getRound"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change how often a round repeats
         * @description `repeatMonths`: 3, 6, 12 or null (does not repeat). The change applies to the round’s successor too while that has not opened, so null on the current round means no further round is created. An open round that starts repeating gets its successor at once. 400 for any other value or when the round is open longer than the interval; 409 when the round has closed.
         */
        patch: operations["updateRound"];
        trace?: never;
    };
    "/rounds/{id}/launch": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Launch a draft round
         * @description Schedules a draft: it opens at its start date, at once when that has passed. 409 unless the round is a draft, when its end has passed, or when nobody would be invited. When it shares people with a round still open at its start it is launched all the same, with an `overlaps_open_round` warning in `warnings`.
         */
        post: operations["launchRound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rounds/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a round early
         * @description Closes an open round now: nobody can answer any more and unfinished answers are deleted. Results are published at the publishing date (now, if that was the end). 409 unless the round is open.
         */
        post: operations["closeRound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rounds/{id}/extend": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Extend a round
         * @description Moves the end of a scheduled or open round later (and the publishing date with it when it was the end or would come first). 409 when the round is not scheduled or open, or the new end is not later than the current one.
         */
        post: operations["extendRound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rounds/{id}/remind": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a reminder now
         * @description Emails a reminder now to everyone invited who has not answered; nobody who has answered gets it. 409 unless the round is open, or when a reminder went out less than an hour ago.
         */
        post: operations["remindRound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rounds/{id}/response-rates": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** Live response rates per unit */
        get: operations["roundResponseRates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/questions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List company-specific questions
         * @description The organization’s own questions and the standard library. Each has a `ref` to put in a round’s `questions`.
         */
        get: operations["listQuestions"];
        put?: never;
        /**
         * Add a question of the organization
         * @description English is required; Swedish texts left out fall back to the English ones. Single and multiple choice need options; number questions need min and max.
         */
        post: operations["createQuestion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/questions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** Get a question of the organization */
        get: operations["getQuestion"];
        put?: never;
        post?: never;
        /**
         * Archive a question
         * @description New rounds can no longer include it; rounds that did keep their own copy. 409 when it is already archived.
         */
        delete: operations["archiveQuestion"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Published rounds the caller may read */
        get: operations["listResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/results/{round}/units/{unit}": {
        parameters: {
            query?: {
                /** @description `all`, `industry`, `size_band`, `country`, `sales_model` (the organization’s own segment), or `import:<benchmark version id>`. */
                compare?: string;
                statistic?: "mean" | "median" | "p75" | "p90";
                /** @description Language of area, statement and question texts (default: the caller’s). */
                lang?: "en" | "sv";
                /** @description Also compare with the unit above (`parent`) or the whole organization: their area scores in `internal.compared`. */
                within?: "parent" | "organization";
            };
            header?: never;
            path: {
                round: string;
                /** @description A unit id, or `organization` for the whole organization (admins). */
                unit: string;
            };
            cookie?: never;
        };
        /**
         * A unit’s results in a published round
         * @description Scores per area (mean of respondents’ area means, respondent-weighted through the tree), the benchmark it is compared with (the version pinned at publishing, without the caller’s own organization, shown only with at least five other organizations), difference, colour and rank; strengths and improvement areas with advice; statements with their answer distributions; each area per respondent group and the perception gap between two of them (?gap=&gap=; default the model’s pair); sub-units; company questions. Null wherever the figure would rest on fewer than k respondents, or would let a smaller group be worked out from other figures the caller can see. Viewers see only their subtree (404 elsewhere).
         */
        get: operations["unitResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/results/{round}/heatmap": {
        parameters: {
            query: {
                unit: string;
                depth?: number;
                /** @description `all`, `industry`, `size_band`, `country`, `sales_model` (the organization’s own segment), or `import:<benchmark version id>`. */
                compare?: string;
                statistic?: "mean" | "median" | "p75" | "p90";
                /** @description Language of area, statement and question texts (default: the caller’s). */
                lang?: "en" | "sv";
            };
            header?: never;
            path: {
                round: string;
            };
            cookie?: never;
        };
        /**
         * Units × areas for a unit and its sub-units
         * @description Null wherever the figure would rest on fewer than k respondents, or would let a smaller group be worked out from other figures the caller can see.
         */
        get: operations["resultsHeatmap"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/results/{round}/cuts": {
        parameters: {
            query: {
                unit: string;
                /** @description A unit attribute (the import’s unit_ columns, without the prefix). Without it: only the attributes on offer. */
                attribute?: string;
                /** @description `all`, `industry`, `size_band`, `country`, `sales_model` (the organization’s own segment), or `import:<benchmark version id>`. */
                compare?: string;
                statistic?: "mean" | "median" | "p75" | "p90";
                /** @description Language of area, statement and question texts (default: the caller’s). */
                lang?: "en" | "sv";
            };
            header?: never;
            path: {
                round: string;
            };
            cookie?: never;
        };
        /**
         * A unit’s respondents cut by a unit attribute
         * @description One row per value of the attribute among the unit’s sub-units (a unit without a value takes the one above it). A cut is a group across the tree, so a figure shows only where it is a combination of whole-unit figures the caller already sees. Null wherever the figure would rest on fewer than k respondents, or would let a smaller group be worked out from other figures the caller can see.
         */
        get: operations["resultsHeatmapCut"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/results/trend/{unit}": {
        parameters: {
            query?: {
                /** @description Language of area, statement and question texts (default: the caller’s). */
                lang?: "en" | "sv";
            };
            header?: never;
            path: {
                /** @description A unit id, or `organization` for the whole organization (admins). */
                unit: string;
            };
            cookie?: never;
        };
        /**
         * A unit’s area scores across rounds
         * @description Published rounds of the current model, oldest first. A renamed or moved unit keeps its history; a unit that others were merged into shows their figures added up. Null wherever the figure would rest on fewer than k respondents, or would let a smaller group be worked out from other figures the caller can see.
         */
        get: operations["resultsTrend"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Action plans
         * @description Of the units the caller may see (viewers: their subtree). Filters: unitId (its subtree; "organization": everything the caller sees), status, open=true (planned or in progress), ownerId, overdue=true, mine=true, areaKey. Open actions first (overdue at the top), then by due date.
         */
        get: operations["listActions"];
        put?: never;
        /**
         * Create an action
         * @description What will be done (title), why (reason: the finding it answers), owner (a user of the organization), due date, status, for a unit the caller may act on, optionally tied to a round and an area or statement.
         */
        post: operations["createAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/actions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** An action with its notes */
        get: operations["getAction"];
        put?: never;
        post?: never;
        /** Delete an action planned by mistake (with its notes) */
        delete: operations["deleteAction"];
        options?: never;
        head?: never;
        /** Change an action */
        patch: operations["updateAction"];
        trace?: never;
    };
    "/actions/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a progress note */
        post: operations["addActionNote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/benchmarks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Benchmark versions
         * @description Versions built by SOS whenever rounds close, and sources the operator imported.
         */
        get: operations["listBenchmarks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Decision points of a unit
         * @description Dated management decisions recorded for a unit (what was decided and why), oldest first. ?unitId= is required (a unit id, or "organization" for the organization's own decisions, admins only); viewers only for units of their subtree (an empty list elsewhere).
         */
        get: operations["listDecisions"];
        put?: never;
        /** Record a decision */
        post: operations["recordDecision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/decisions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a decision recorded by mistake */
        delete: operations["deleteDecision"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller’s exports of the last seven days */
        get: operations["listExports"];
        put?: never;
        /**
         * Export a unit’s report
         * @description PDF report, PowerPoint deck (native charts), Excel workbook or CSV of one unit (or `organization`) in a published round, made in the background with the same figures and anonymity rules as the results endpoint. Answers 202 with the export; poll it until `status` is `ready`, then fetch its file. Audit-logged. Spreadsheet cells that start with = + - @, a tab or a carriage return are prefixed with an apostrophe.
         */
        post: operations["requestExport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/exports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /**
         * An export’s status and progress
         * @description Only for the caller who asked for it (404 for anyone else).
         */
        get: operations["getExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/exports/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** The export’s file */
        get: operations["exportFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/kpis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the KPIs */
        get: operations["listKpis"];
        /**
         * Replace the KPI set
         * @description The whole set, validated together: a weighted KPI's base and a ratio's parts must be summed KPIs of the set, with no cycles; amber below red. A KPI left out is archived, its values kept. `owner` is the email of a viewer or an admin of the organization, who gets one email with the KPI's new alarms once a month's actuals are in; omitted: the owner stays as it is, null: no owner. Admins (or an admin’s API token) only.
         */
        put: operations["saveKpis"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/kpis/starter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start with the starter KPIs
         * @description Order intake, sales, gross margin, new customers, pipeline coverage, forecast accuracy, customer meetings and lost customers (and the parts they are built from), when the organization has no KPIs yet; otherwise nothing changes. Admins (or an admin’s API token) only.
         */
        post: operations["installStarterKpis"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/kpis/values": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Plans and actuals of a month
         * @description Admins (or an admin’s API token) only.
         */
        get: operations["listKpiValues"];
        /**
         * Write plans and actuals (idempotent upsert)
         * @description By KPI key, unit id or person (email), and month; an omitted plan or actual is left as it is, null clears it. Up to 100,000 values; all or nothing: with any value wrong, nothing is written and each wrong value is named (details[].path = values.<index>). A value that changes one already entered is kept as a correction (GET /kpis/changes). Admins (or an admin’s API token) only.
         */
        put: operations["writeKpiValues"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/kpis/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Corrections of plans and actuals
         * @description Newest first: who changed which value, when, from what to what, and how (import, api, manual). Admins (or an admin’s API token) only.
         */
        get: operations["listKpiChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/kpis/board": {
        parameters: {
            query?: {
                /** @description A unit id, or `organization` for the top (admins). Default: where the caller starts (an admin the top, a manager their unit, a sales person their team). */
                unit?: string;
                /** @description YYYY-MM, a calendar month in the organization’s time zone. Default: the last closed month. */
                month?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The KPI alarm board of a unit
         * @description Each KPI’s month, year-to-date and run-rate against plan for the unit and each row below it: its child units (each with its subtree), its own figures, and the people in it. Roll-ups follow docs/kpis.md: sums, weighted averages of Σ value × base ÷ Σ base, ratios of summed parts; statuses are decided on exact numbers. An admin sees every unit; a manager (viewer) the subtree of their unit; a sales person their team’s total and their own figures. Any other unit is 404.
         */
        get: operations["kpiBoard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/kpis/alarms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The alarms of a unit’s board
         * @description The red and amber checks of GET /kpis/board for the same unit and month, one per row (the unit’s total, each child unit, the unit’s own figures, each person), KPI and measure (month, ytd, runRate), with the same figures. Access as the board.
         */
        get: operations["kpiAlarms"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/kpis/board/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The alarm board as Excel or CSV
         * @description The board of GET /kpis/board (same access and figures) as a file with English headings: a line per row and KPI with the unit path, the month’s actual, plan, deviation % and status, the year to date’s, and the forecast at this pace with its status. Numbers are numbers; text cells that start with = + - @, a tab or a carriage return are prefixed with an apostrophe.
         */
        get: operations["exportKpiBoard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/kpis/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Monthly reviews
         * @description Newest month first, each with its status and how many corrections were recorded at it. An admin (or an admin’s API token) reaches every unit and the organization’s top; a manager (a viewer with a unit) the units of their subtree. Any other unit or review, and any of another organization, is 404.
         */
        get: operations["listKpiReviews"];
        put?: never;
        /**
         * Open the review of a unit and month
         * @description Idempotent: the same unit and month answer the review already opened (open or closed). An admin (or an admin’s API token) reaches every unit and the organization’s top; a manager (a viewer with a unit) the units of their subtree. Any other unit or review, and any of another organization, is 404.
         */
        post: operations["openKpiReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/kpis/reviews/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /**
         * A review with its corrections and minutes
         * @description An admin (or an admin’s API token) reaches every unit and the organization’s top; a manager (a viewer with a unit) the units of their subtree. Any other unit or review, and any of another organization, is 404.
         */
        get: operations["getKpiReview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/kpis/reviews/{id}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a correction at a review
         * @description A decision for a KPI’s alarm from the correction menu, with owner (one of the unit’s people, a viewer or an admin), expected effect, check date and what is passed down to the sales people; `asAction` also plans it as an action of the unit due on the check date. 409 when the review is closed. An admin (or an admin’s API token) reaches every unit and the organization’s top; a manager (a viewer with a unit) the units of their subtree. Any other unit or review, and any of another organization, is 404.
         */
        post: operations["recordKpiCorrection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/kpis/reviews/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a review with its minutes
         * @description A closed review no longer changes (409 when already closed); the minutes are also a PDF on the review page. An admin (or an admin’s API token) reaches every unit and the organization’s top; a manager (a viewer with a unit) the units of their subtree. Any other unit or review, and any of another organization, is 404.
         */
        post: operations["closeKpiReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/kpis/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Corrections and their check dates
         * @description Corrections decided at monthly reviews, newest alarm month first; `due`: the check date has come. An admin (or an admin’s API token) reaches every unit and the organization’s top; a manager (a viewer with a unit) the units of their subtree. Any other unit or review, and any of another organization, is 404.
         */
        get: operations["listKpiCorrections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/kpis/agenda": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The executives’ agenda for sales
         * @description Which KPIs and reporting the sales organization works to, as the executive team decided: the agenda in force first, then earlier decisions. Anyone in the organization.
         */
        get: operations["listSalesAgendas"];
        put?: never;
        /**
         * Record the executives’ agenda
         * @description A decision of the executive team: when, who decided, the KPIs (of the organization), priorities and reporting. Admins (or an admin’s API token) only.
         */
        post: operations["recordSalesAgenda"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/experiments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Experiments
         * @description Experiments of the units the caller may act on (viewers: their subtree), the latest window first. Names in the caller’s language.
         */
        get: operations["listExperiments"];
        put?: never;
        /**
         * Start an experiment
         * @description One lever changed for 6–8 weeks (the end 42–56 days after the start) to mend a misalignment of a published round: a hypothesis, the metric to watch (an area of the round’s model, or a KPI), an owner. Audit-logged.
         */
        post: operations["createExperiment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/experiments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** An experiment */
        get: operations["getExperiment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change an experiment
         * @description Fields left out stay. The window is checked with the stored dates filled in. Audit-logged.
         */
        patch: operations["updateExperiment"];
        trace?: never;
    };
    "/results/{round}/alignment": {
        parameters: {
            query: {
                /** @description A unit id, or `organization` (admins). */
                unit: string;
                /** @description Language of the texts (default: the caller’s). */
                lang?: "en" | "sv";
            };
            header?: never;
            path: {
                round: string;
            };
            cookie?: never;
        };
        /**
         * A unit’s misalignments in a round
         * @description For a model that declares alignment pairs: the areas × areas matrix of shown score differences, each pair with its symptom and the leadership behaviours to prioritise (flagged when the two shown scores differ by at least the model’s threshold), and the statements on which two respondent groups differ by as much. `alignment` is null for a model without pairs. `followUp`: the unit’s experiments from earlier rounds of the model, with the watched area’s score then and now. Every figure is null where the round’s anonymity pattern hides it.
         */
        get: operations["resultsAlignment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/billing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Plan, standing and the next invoice
         * @description Where the organization stands (trial, subscription, lapsed and why, or not billed), how many users count in the current period, and what the next invoice would hold if issued at its date with the users now, VAT as it would apply. Admins (or an admin’s API token) only. Amounts are integers in minor units of their currency.
         */
        get: operations["getBilling"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/billing/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List invoices and credit notes
         * @description Newest first, without lines or the parties’ details. The PDF of each is at /app/billing/invoices/{id}.pdf, its e-invoice (when `eInvoice`) at /app/billing/invoices/{id}.xml. Admins (or an admin’s API token) only. Amounts are integers in minor units of their currency.
         */
        get: operations["listInvoices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/billing/invoices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /**
         * Get an invoice or credit note
         * @description As issued: seller, buyer, lines, VAT and totals. An invoice never changes but for being marked paid; a wrong one is cancelled by a credit note. Admins (or an admin’s API token) only. Amounts are integers in minor units of their currency.
         */
        get: operations["getInvoice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/billing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every organization’s billing (operator)
         * @description Each organization with its plan, its standing now and what it owes, customers first. The SOS operator only, signed in (a browser session): API tokens belong to one organization and are refused here (403).
         */
        get: operations["operatorBilling"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/billing/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Invoices and credit notes of a date range (operator)
         * @description Every organization’s, issued from `from` to `to` (both included; the last month and this one by default), by number. The SOS operator only, signed in (a browser session): API tokens belong to one organization and are refused here (403).
         */
        get: operations["operatorInvoices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}/erasure": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Erase a person’s personal data
         * @description The right to erasure: the user goes, their name and email are replaced by a pseudonym wherever SOS kept them (audit log, who created what, notes), invitations lose the address, personal KPI values go, and the account goes unless another organization has them. Anonymous answers stay. Confirm with the person’s email. The last admin cannot be erased. Admins (or an admin’s API token) only.
         */
        post: operations["erasePerson"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organization/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export everything SOS holds about the organization
         * @description A zip (application/zip) of JSON files — people (also CSV), units, rounds, company questions, actions, decisions, experiments, KPI data, billing details, invoices, the audit log — and each published round's organization results as CSV, as the report shows them to an admin. Never answers. Audit-logged. Admins (or an admin’s API token) only.
         */
        get: operations["exportOrganization"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organization/retention": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How long data is kept
         * @description Admins (or an admin’s API token) only.
         */
        get: operations["getRetention"];
        /**
         * Set how long data is kept
         * @description Audit events older than `auditMonths` are deleted nightly; `invitationMonths` after a round closes its invitations lose their email addresses. Both 1–120. Admins (or an admin’s API token) only.
         */
        put: operations["setRetention"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Unit: {
            /** Format: uuid */
            id: string;
            parentId: string | null;
            name: string;
            userCount: number;
            childCount: number;
            /** Format: date-time */
            createdAt: string;
            /** @description Attributes from the import’s unit_ columns (e.g. sales_model), which cut the heatmap. */
            attributes: {
                [key: string]: string;
            };
        };
        UnitList: {
            units: components["schemas"]["Unit"][];
        };
        User: {
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: email */
            email: string;
            /** @enum {string} */
            language: "en" | "sv";
            unitId: string | null;
            /** @description A respondent group of the organization's models, e.g. sales_person or sales_manager. */
            jobRole: string | null;
            /** @enum {string} */
            access: "participant" | "viewer" | "admin";
            /** @description For viewers: the unit whose subtree they may see. */
            scopeUnitId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        UserList: {
            users: components["schemas"]["User"][];
            total: number;
            limit: number;
            offset: number;
        };
        /** @description What applying the file would do. Nothing is written until the import is applied. */
        ImportPreview: {
            /** Format: uuid */
            importId: string;
            /** @description Counts (rows, creates, updates, unchanged, errors, newUnits) and the rows with their errors. */
            preview: {
                /** @description The organization’s level names the file was checked against. */
                levels: string[];
                /** @description File-level remarks, e.g. unknown columns that were ignored. */
                warnings: string[];
                counts: {
                    rows: number;
                    creates: number;
                    updates: number;
                    unchanged: number;
                    errors: number;
                    newUnits: number;
                    unitAttributes?: number;
                };
                /** @description Units that applying would create, each as its path from the top (at most 1000). */
                newUnits: string[][];
                /** @description Attribute values (unit_ columns) applying would set, one line per unit and attribute (at most 1000). */
                unitAttributes?: string[];
                /** @description The first 1000 rows with errors and the first 1000 other rows that create, update or carry a note. */
                rows: {
                    rowNumber: number;
                    email: string;
                    name: string;
                    /** @enum {string} */
                    action: "create" | "update" | "unchanged";
                    errors: string[];
                    notes: string[];
                    changes: string[];
                }[];
                omitted: {
                    errorRows: number;
                    otherRows: number;
                    newUnits: number;
                };
            };
        };
        UserImport: {
            /** Format: uuid */
            importId: string;
            fileName: string;
            /** Format: date-time */
            createdAt: string;
            appliedAt: string | null;
            /** @description Counts (rows, creates, updates, unchanged, errors, newUnits) and the rows with their errors. */
            preview: {
                /** @description The organization’s level names the file was checked against. */
                levels: string[];
                /** @description File-level remarks, e.g. unknown columns that were ignored. */
                warnings: string[];
                counts: {
                    rows: number;
                    creates: number;
                    updates: number;
                    unchanged: number;
                    errors: number;
                    newUnits: number;
                    unitAttributes?: number;
                };
                /** @description Units that applying would create, each as its path from the top (at most 1000). */
                newUnits: string[][];
                /** @description Attribute values (unit_ columns) applying would set, one line per unit and attribute (at most 1000). */
                unitAttributes?: string[];
                /** @description The first 1000 rows with errors and the first 1000 other rows that create, update or carry a note. */
                rows: {
                    rowNumber: number;
                    email: string;
                    name: string;
                    /** @enum {string} */
                    action: "create" | "update" | "unchanged";
                    errors: string[];
                    notes: string[];
                    changes: string[];
                }[];
                omitted: {
                    errorRows: number;
                    otherRows: number;
                    newUnits: number;
                };
            };
        };
        /** @description Counts of the rows applied: created and updated users, unchanged rows, new units. */
        ImportApplied: {
            rows: number;
            creates: number;
            updates: number;
            unchanged: number;
            errors: number;
            newUnits: number;
            unitAttributes?: number;
            /** @description Existing users whose access or viewer scope changed. */
            accessChanged: number;
        };
        SurveySubmitted: {
            submitted: boolean;
            alreadySubmitted: boolean;
        };
        Round: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            status: "draft" | "scheduled" | "open" | "closed" | "published";
            model: {
                id: string;
                version: string;
            };
            /** Format: date-time */
            startsAt: string;
            /** Format: date-time */
            endsAt: string;
            /** Format: date-time */
            publishAt: string;
            /** @description When reminders go (went) out to those who have not answered. */
            reminders: string[];
            /** @description How many of the reminders have gone out. */
            remindersSent: number;
            /** @description k: no figure rests on fewer than k people. */
            minGroupSize: number;
            /** @description {"mode":"all"}, {"mode":"units","unitIds":[…]} or {"mode":"users","userIds":[…]} */
            participants: {
                /** @constant */
                mode: "all";
            } | {
                /** @constant */
                mode: "units";
                unitIds: string[];
            } | {
                /** @constant */
                mode: "users";
                userIds: string[];
            };
            /** @description The company-specific questions as frozen into the round. */
            questions: {
                key: string;
                /** @enum {string} */
                type: "scale" | "single" | "multi" | "text" | "number";
                en: {
                    text: string;
                    /** @description Single and multiple choice: the options, in order. */
                    options?: string[] | null;
                    /** @description Scale questions: labels of some points of the 1–5 scale (at least 1 and 5). */
                    scaleLabels?: {
                        [key: string]: string;
                    } | null;
                    /** @description Number questions: the unit shown after the field, e.g. %. */
                    unit?: string | null;
                };
                sv: {
                    text: string;
                    /** @description Single and multiple choice: the options, in order. */
                    options?: string[] | null;
                    /** @description Scale questions: labels of some points of the 1–5 scale (at least 1 and 5). */
                    scaleLabels?: {
                        [key: string]: string;
                    } | null;
                    /** @description Number questions: the unit shown after the field, e.g. %. */
                    unit?: string | null;
                };
                min: number | null;
                max: number | null;
            }[];
            invited: number;
            /** @description null while fewer than minGroupSize are invited. */
            completed: number | null;
            /** @description completed ÷ invited (0–1); null while fewer than minGroupSize are invited. */
            responseRate: number | null;
            /** @description What the round’s status allows now. */
            actions: ("launch" | "close" | "extend" | "remind")[];
            /** @description How often the round repeats (months); null when it does not. When a repeating round opens, its successor is created as a scheduled round with the same settings and every date moved on by the interval. */
            repeatMonths: 3 | 6 | 12 | null;
            /** @description The round this one was created from by its repeat. */
            repeatsFrom: string | null;
            /** @description The round created from this one by its repeat, once it exists. */
            nextRoundId: string | null;
            /** @description `system` for a round created by a repeat. */
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
        };
        RoundList: {
            rounds: components["schemas"]["Round"][];
        };
        RoundWithWarnings: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            status: "draft" | "scheduled" | "open" | "closed" | "published";
            model: {
                id: string;
                version: string;
            };
            /** Format: date-time */
            startsAt: string;
            /** Format: date-time */
            endsAt: string;
            /** Format: date-time */
            publishAt: string;
            /** @description When reminders go (went) out to those who have not answered. */
            reminders: string[];
            /** @description How many of the reminders have gone out. */
            remindersSent: number;
            /** @description k: no figure rests on fewer than k people. */
            minGroupSize: number;
            /** @description {"mode":"all"}, {"mode":"units","unitIds":[…]} or {"mode":"users","userIds":[…]} */
            participants: {
                /** @constant */
                mode: "all";
            } | {
                /** @constant */
                mode: "units";
                unitIds: string[];
            } | {
                /** @constant */
                mode: "users";
                userIds: string[];
            };
            /** @description The company-specific questions as frozen into the round. */
            questions: {
                key: string;
                /** @enum {string} */
                type: "scale" | "single" | "multi" | "text" | "number";
                en: {
                    text: string;
                    /** @description Single and multiple choice: the options, in order. */
                    options?: string[] | null;
                    /** @description Scale questions: labels of some points of the 1–5 scale (at least 1 and 5). */
                    scaleLabels?: {
                        [key: string]: string;
                    } | null;
                    /** @description Number questions: the unit shown after the field, e.g. %. */
                    unit?: string | null;
                };
                sv: {
                    text: string;
                    /** @description Single and multiple choice: the options, in order. */
                    options?: string[] | null;
                    /** @description Scale questions: labels of some points of the 1–5 scale (at least 1 and 5). */
                    scaleLabels?: {
                        [key: string]: string;
                    } | null;
                    /** @description Number questions: the unit shown after the field, e.g. %. */
                    unit?: string | null;
                };
                min: number | null;
                max: number | null;
            }[];
            invited: number;
            /** @description null while fewer than minGroupSize are invited. */
            completed: number | null;
            /** @description completed ÷ invited (0–1); null while fewer than minGroupSize are invited. */
            responseRate: number | null;
            /** @description What the round’s status allows now. */
            actions: ("launch" | "close" | "extend" | "remind")[];
            /** @description How often the round repeats (months); null when it does not. When a repeating round opens, its successor is created as a scheduled round with the same settings and every date moved on by the interval. */
            repeatMonths: 3 | 6 | 12 | null;
            /** @description The round this one was created from by its repeat. */
            repeatsFrom: string | null;
            /** @description The round created from this one by its repeat, once it exists. */
            nextRoundId: string | null;
            /** @description `system` for a round created by a repeat. */
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            /** @description Empty when there is nothing to say. A draft gets none: launching it warns then. */
            warnings: components["schemas"]["RoundWarning"][];
        };
        /** @description `overlaps_open_round`: some of the people this round invites are invited to a round that is still open when this one starts; they get two surveys at the same time, which tends to lower response rates. */
        RoundWarning: {
            /**
             * @description Stable; ignore codes you do not know (more may come).
             * @enum {string}
             */
            code: "overlaps_open_round";
            message: string;
            /**
             * Format: uuid
             * @description The open round this one overlaps.
             */
            roundId: string;
            roundName: string;
            /**
             * Format: date-time
             * @description When the open round ends.
             */
            endsAt: string;
            /** @description How many people are invited to both rounds: a count of invitations, which says nothing about who answered. */
            people: number;
        };
        /** @description Live response rates per unit, each unit covering its whole subtree. A unit with fewer than minGroupSize invited — or whose figures would let such a group be worked out from the others — is hidden: its figures are null. Units nobody in the round belongs to are left out. */
        ResponseRates: {
            /** Format: uuid */
            roundId: string;
            /** @enum {string} */
            status: "draft" | "scheduled" | "open" | "closed" | "published";
            minGroupSize: number;
            total: {
                invited: number;
                completed: number | null;
                rate: number | null;
                hidden: boolean;
            };
            /** @description In tree order (depth-first, siblings by name). */
            units: {
                /** Format: uuid */
                unitId: string;
                name: string;
                depth: number;
                invited: number | null;
                completed: number | null;
                rate: number | null;
                hidden: boolean;
                hiddenReason: ("fewer_than_k" | "protects_smaller_group") | null;
            }[];
        };
        Question: {
            /** Format: uuid */
            id: string;
            /** @constant */
            source: "organization";
            /** @description Put this in a round’s `questions` to include the question. */
            ref: {
                /** @constant */
                source: "organization";
                /** Format: uuid */
                id: string;
            };
            /** @enum {string} */
            type: "scale" | "single" | "multi" | "text" | "number";
            en: {
                text: string;
                /** @description Single and multiple choice: the options, in order. */
                options: string[] | null;
                /** @description Scale questions: labels of some points of the 1–5 scale (at least 1 and 5). */
                scaleLabels: {
                    [key: string]: string;
                } | null;
                /** @description Number questions: the unit shown after the field, e.g. %. */
                unit: string | null;
            };
            sv: {
                text: string;
                /** @description Single and multiple choice: the options, in order. */
                options: string[] | null;
                /** @description Scale questions: labels of some points of the 1–5 scale (at least 1 and 5). */
                scaleLabels: {
                    [key: string]: string;
                } | null;
                /** @description Number questions: the unit shown after the field, e.g. %. */
                unit: string | null;
            };
            min: number | null;
            max: number | null;
            /** Format: date-time */
            createdAt: string;
            archivedAt: string | null;
        };
        StandardQuestion: {
            key: string;
            /** @constant */
            source: "standard";
            /** @description Put this in a round’s `questions` to include the question. */
            ref: {
                /** @constant */
                source: "standard";
                key: string;
            };
            /** @enum {string} */
            type: "scale" | "single" | "multi" | "text" | "number";
            en: {
                text: string;
                /** @description Single and multiple choice: the options, in order. */
                options: string[] | null;
                /** @description Scale questions: labels of some points of the 1–5 scale (at least 1 and 5). */
                scaleLabels: {
                    [key: string]: string;
                } | null;
                /** @description Number questions: the unit shown after the field, e.g. %. */
                unit: string | null;
            };
            sv: {
                text: string;
                /** @description Single and multiple choice: the options, in order. */
                options: string[] | null;
                /** @description Scale questions: labels of some points of the 1–5 scale (at least 1 and 5). */
                scaleLabels: {
                    [key: string]: string;
                } | null;
                /** @description Number questions: the unit shown after the field, e.g. %. */
                unit: string | null;
            };
            min: number | null;
            max: number | null;
        };
        QuestionList: {
            questions: components["schemas"]["Question"][];
            standard: components["schemas"]["StandardQuestion"][];
        };
        ResultRoundList: {
            rounds: {
                /** Format: uuid */
                id: string;
                name: string;
                closedAt: string | null;
                isGenerated: boolean;
                /** @description The assessment model the round used (e.g. sos, audit). */
                modelId: string;
                /** @description The unit the caller starts at (their own, or the whole organization). */
                startUnit: {
                    id: string;
                    name: string;
                } | null;
                respondents: number | null;
            }[];
        };
        UnitResults: {
            round: {
                /** Format: uuid */
                id: string;
                name: string;
                model: string;
                k: number;
                closedAt: string | null;
                publishedAt: string | null;
                isGenerated: boolean;
                respondents: number | null;
            };
            unit: {
                id: string;
                name: string;
                isOrganization: boolean;
                path: {
                    id: string;
                    name: string;
                }[];
                respondents: number | null;
            };
            /** @description What the figures are compared with: label, source, organizations and respondents behind it, and the choices available. */
            benchmark: {
                compare: string;
                /** @enum {string} */
                statistic: "mean" | "median" | "p75" | "p90";
                /** @description Why the comparison’s figures are not shown, when they are withheld. */
                withheld: ("overlap" | "versions") | null;
                segments: {
                    /** @enum {string} */
                    key: "all" | "industry" | "size_band" | "country" | "sales_model";
                    value: string | null;
                }[];
                imported: {
                    /** Format: uuid */
                    id: string;
                    label: string;
                }[];
                label: string | null;
                source: ("sos" | "import") | null;
                builtAt: string | null;
                /** @description Earlier model versions whose rounds the benchmark counts for the figures that compare. */
                carriedVersions: string[];
                organizations: number;
                respondents: number;
            };
            /** @description The model’s high value (3.7 in SOS 1.0). */
            high: number;
            /** @description Below this score (as shown) an area is an improvement area even when it is not below the benchmark (3.0 by default). */
            improvementThreshold: number;
            areas: {
                key: string;
                name: string;
                rank: number | null;
                score: number | null;
                benchmark: number | null;
                difference: number | null;
                /** @description green: above the model’s high value; yellow: at or above the benchmark; red: below it; neutral: no benchmark. Decided on the figures rounded to 2 decimals. */
                status: ("green" | "yellow" | "red" | "neutral") | null;
                /** @description Respondents with an area mean (at least half of the area’s statements answered); null where hidden. */
                n: number | null;
                /** @description 90 % interval of the score: score ± t(0.95, n − 1)·sd/√n over respondents’ area means, 2 decimals; null where hidden or not kept. */
                interval: {
                    low: number;
                    high: number;
                } | null;
                /** @description The interval contains the benchmark: the score cannot be told apart from it (the status stays as the colour rule says). */
                inLine: boolean;
                /** @description Share of answers within one point of each statement’s median, pooled over the shown statements. */
                agreement: number | null;
                /** @description The agreement per respondent group the unit holds (by key); null where the area’s split is hidden, a group’s figure null where its score is. */
                agreementByGroup: {
                    [key: string]: number | null;
                } | null;
                /** @description “Don’t know” and “not used” shares among the answers to the shown statements; per respondent group (by key) only where the split is shown. */
                unanswered: {
                    all: {
                        dontKnow: number | null;
                        /** @description Null where “not used” is not counted. */
                        notUsed: number | null;
                    };
                    byGroup: {
                        [key: string]: {
                            dontKnow: number | null;
                            /** @description Null where “not used” is not counted. */
                            notUsed: number | null;
                        };
                    } | null;
                };
            }[];
            /** @description Each area’s description, in the reader’s language. */
            descriptions: {
                [key: string]: string;
            };
            statements: {
                key: string;
                area: string;
                text: string;
                advice: string | null;
                /** @description Answers "don’t know", 1, 2, 3, 4, 5. */
                distribution: number[] | null;
                score: number | null;
                benchmark: number | null;
                difference: number | null;
                /** @description green: above the model’s high value; yellow: at or above the benchmark; red: below it; neutral: no benchmark. Decided on the figures rounded to 2 decimals. */
                status: ("green" | "yellow" | "red" | "neutral") | null;
            }[];
            strengths: string[];
            /** @description Areas below the benchmark or below the improvement threshold (never a high one), the largest shortfall first. */
            improvements: {
                key: string;
                /** @description The advice level by the score as shown against the model’s thresholds (build the basics, make it consistent, refine and share); null when the score is hidden or the model has no advice per level. */
                level: ("basics" | "consistent" | "refine") | null;
                /** @description The advice of the level; the area’s general advice when there is no level. */
                summary: string;
                actions: string[];
                /** @description Advice on a clear perception gap between the model’s gap pair (the first group’s shown score at least 0.50 above or below the second’s); null when none, the split is hidden, or another pair is compared. */
                gap: {
                    /** @enum {string} */
                    pattern: "firstHigher" | "firstLower";
                    text: string;
                } | null;
                kpi: {
                    name: string;
                    target: string;
                    why: string;
                } | null;
                lowestStatements: string[];
            }[];
            /** @description The model’s respondent groups, named in the reader’s language. */
            groups: {
                key: string;
                name: string;
            }[];
            /** @description Each area’s score per group; null where the unit’s split by group is hidden. */
            gap: {
                /** @description The groups the unit holds (with respondents), where its split by group is shown. */
                groups: {
                    key: string;
                    name: string;
                    respondents: number;
                }[];
                /** @description The two groups the gap compares: the first minus the second (?gap=&gap= chooses them). */
                pair: [
                    string,
                    string
                ];
                areas: {
                    key: string;
                    scores: {
                        [key: string]: number | null;
                    };
                    gap: number | null;
                }[];
            } | null;
            subunits: {
                id: string;
                name: string;
                respondents: number | null;
                areas: {
                    score: number | null;
                    /** @description green: above the model’s high value; yellow: at or above the benchmark; red: below it; neutral: no benchmark. Decided on the figures rounded to 2 decimals. */
                    status: ("green" | "yellow" | "red" | "neutral") | null;
                }[];
            }[];
            questions: ({
                key: string;
                text: string;
                /** @description Respondents who answered; null where the figures are hidden. */
                answered: number | null;
                /** @enum {string} */
                type: "scale" | "single" | "multi";
                options: {
                    label: string;
                    count: number;
                }[] | null;
                mean: number | null;
            } | {
                key: string;
                text: string;
                /** @description Respondents who answered; null where the figures are hidden. */
                answered: number | null;
                /** @constant */
                type: "number";
                mean: number | null;
                unit: string | null;
            } | {
                key: string;
                text: string;
                /** @description Respondents who answered; null where the figures are hidden. */
                answered: number | null;
                /** @constant */
                type: "text";
                /** @description Only for groups of at least ten respondents, in random order. */
                comments: string[] | null;
            })[];
            /** @description Comparing the unit with its parent or the whole organization (area scores only, from the round’s disclosure pattern). */
            internal: {
                options: {
                    /** @enum {string} */
                    within: "parent" | "organization";
                    name: string;
                }[];
                /** @description The chosen unit above (`within`): its area scores in model order, null where hidden. */
                compared: {
                    /** @enum {string} */
                    within: "parent" | "organization";
                    name: string;
                    scores: (number | null)[];
                } | null;
            };
        };
        Heatmap: {
            round: {
                /** Format: uuid */
                id: string;
                name: string;
                k: number;
            };
            areas: {
                key: string;
                name: string;
            }[];
            rows: {
                id: string;
                name: string;
                parentId: string | null;
                depth: number;
                respondents: number | null;
                areas: {
                    score: number | null;
                    /** @description green: above the model’s high value; yellow: at or above the benchmark; red: below it; neutral: no benchmark. Decided on the figures rounded to 2 decimals. */
                    status: ("green" | "yellow" | "red" | "neutral") | null;
                }[];
            }[];
        };
        HeatmapCut: {
            round: {
                /** Format: uuid */
                id: string;
                name: string;
                k: number;
            };
            /** @description The attributes the organization’s units carry (the import’s unit_ columns), to cut by. */
            attributes: string[];
            attribute: string | null;
            areas: {
                key: string;
                name: string;
            }[];
            /** @description One row per value. A figure shows only where it adds up from whole-unit figures the caller already sees and counts at least k respondents. */
            rows: {
                /** @description Null: the units without a value. */
                value: string | null;
                respondents: number | null;
                areas: {
                    score: number | null;
                    /** @description green: above the model’s high value; yellow: at or above the benchmark; red: below it; neutral: no benchmark. Decided on the figures rounded to 2 decimals. */
                    status: ("green" | "yellow" | "red" | "neutral") | null;
                }[];
            }[];
        };
        Trend: {
            unit: {
                id: string;
                name: string;
            };
            /** @description The model version whose areas the trend shows: the newest its rounds used. */
            model: string;
            areas: {
                key: string;
                name: string;
                /** @description The model version from which the area’s scores compare, when earlier rounds measured it differently; null when all rounds compare. */
                since: string | null;
            }[];
            rounds: {
                /** Format: uuid */
                id: string;
                name: string;
                closedAt: string | null;
                /** @description The model version the round used. */
                model: string;
                respondents: number | null;
                /** @description The units of that round that make up this unit’s history there (itself, or the units merged into it). */
                from: string[];
                areas: {
                    key: string;
                    score: number | null;
                    benchmark: number | null;
                    /** @description green: above the model’s high value; yellow: at or above the benchmark; red: below it; neutral: no benchmark. Decided on the figures rounded to 2 decimals. */
                    status: ("green" | "yellow" | "red" | "neutral") | null;
                    n: number | null;
                    /** @description 90 % interval of the score, 2 decimals. */
                    interval: {
                        low: number;
                        high: number;
                    } | null;
                    /** @description Since the previous round: the difference and its 90 % interval (Welch); an improvement or a decline only when the interval excludes zero, otherwise unclear (no clear change). */
                    change: {
                        difference: number;
                        low: number;
                        high: number;
                        /** @enum {string} */
                        verdict: "improvement" | "decline" | "unclear";
                    } | null;
                    /** @description False where the round’s model version measured the area differently (then no score or benchmark). */
                    comparable: boolean;
                }[];
            }[];
        };
        Action: {
            /** Format: uuid */
            id: string;
            unit: {
                id: string;
                name: string;
            };
            roundId: string | null;
            areaKey: string | null;
            statementKey: string | null;
            title: string;
            reason: string;
            owner: {
                id: string;
                name: string;
            } | null;
            dueOn: string | null;
            overdue: boolean;
            /** @enum {string} */
            status: "planned" | "in_progress" | "done" | "dropped";
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            notes: {
                /** Format: uuid */
                id: string;
                body: string;
                author: string;
                /** Format: date-time */
                createdAt: string;
            }[];
        };
        ActionList: {
            actions: components["schemas"]["Action"][];
        };
        BenchmarkVersionList: {
            versions: {
                /** Format: uuid */
                id: string;
                modelId: string;
                modelVersion: string;
                /** @enum {string} */
                source: "sos" | "import";
                label: string;
                /** Format: date-time */
                builtAt: string;
                organizations: number;
                respondents: number;
                carriedVersions: string[];
            }[];
        };
        Decision: {
            /** Format: uuid */
            id: string;
            unit: {
                id: string;
                name: string;
            };
            /** Format: date */
            decidedOn: string;
            title: string;
            reason: string;
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
        };
        DecisionList: {
            decisions: components["schemas"]["Decision"][];
        };
        Export: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            format: "pdf" | "pptx" | "xlsx" | "csv";
            /**
             * @description A CSV’s shape: `long` or `wide`; `long` for every other format.
             * @enum {string}
             */
            layout: "long" | "wide";
            /** @enum {string} */
            status: "queued" | "running" | "ready" | "failed";
            progress: number;
            /** Format: uuid */
            roundId: string;
            roundName: string;
            /** @description A unit id, or `organization`. */
            unitId: string;
            unitName: string;
            filename: string | null;
            emailWhenReady: boolean;
            error: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string;
        };
        ExportList: {
            exports: components["schemas"]["Export"][];
        };
        Error: {
            error: {
                code: string;
                message: string;
                details?: {
                    path: string;
                    message: string;
                }[];
            };
        };
        KpiBoard: {
            /** @description YYYY-MM: the calendar month in the organization’s time zone. */
            month: string;
            /** @description The organization’s time zone. */
            zone: string;
            /** @description The chosen unit; null at the organization’s top. */
            unit: {
                id: string;
                name: string;
            } | null;
            /** @description The units above, from where the caller starts (null id: the top). */
            path: {
                id: string | null;
                name: string;
            }[];
            kpis: {
                key: string;
                names: {
                    en: string;
                    sv: string;
                };
                /** @enum {string} */
                unit: "currency" | "count" | "percent" | "ratio";
                /** @enum {string} */
                direction: "higher" | "lower";
                /** @description False for a figure without thresholds (a part of another KPI). */
                alarm: boolean;
            }[];
            total: {
                /**
                 * @description total: the chosen unit (or the organization); unit: a child unit with its subtree; own: the unit’s own figures; person: a person in the unit.
                 * @enum {string}
                 */
                kind: "total" | "unit" | "own" | "person";
                /** @description The unit’s or person’s id; null for the organization’s total. */
                id: string | null;
                name: string;
                /** @description Whether the caller may open this unit’s board (?unit=<id>). */
                drill: boolean;
                /** @description One per KPI, in the order of `kpis`. */
                cells: {
                    kpi: string;
                    /** @description The month’s plan. */
                    plan: string | null;
                    /** @description The month’s actual. */
                    actual: string | null;
                    /** @description Null when the KPI has no such alarm. */
                    month: {
                        /**
                         * @description ok: on plan; amber: behind plan by at least the amber threshold; red: by at least the red one; no_data.
                         * @enum {string}
                         */
                        status: "ok" | "amber" | "red" | "no_data";
                        /** @description The plan compared with: the month’s, the year to date’s, or the annual plan (run rate). */
                        plan: string | null;
                        /** @description The actual compared: the month’s, the year to date’s, or the forecast at the pace so far (run rate). */
                        actual: string | null;
                        /** @description (actual − plan) ÷ |plan| × 100; null without data or with a plan of 0. */
                        deviationPct: string | null;
                        /** @description What is missing when the status is no_data. */
                        missing: ("plan" | "actual") | null;
                    } | null;
                    /** @description Null when the KPI has no such alarm. */
                    ytd: {
                        /**
                         * @description ok: on plan; amber: behind plan by at least the amber threshold; red: by at least the red one; no_data.
                         * @enum {string}
                         */
                        status: "ok" | "amber" | "red" | "no_data";
                        /** @description The plan compared with: the month’s, the year to date’s, or the annual plan (run rate). */
                        plan: string | null;
                        /** @description The actual compared: the month’s, the year to date’s, or the forecast at the pace so far (run rate). */
                        actual: string | null;
                        /** @description (actual − plan) ÷ |plan| × 100; null without data or with a plan of 0. */
                        deviationPct: string | null;
                        /** @description What is missing when the status is no_data. */
                        missing: ("plan" | "actual") | null;
                    } | null;
                    /** @description Null when the KPI has no such alarm. */
                    runRate: {
                        /**
                         * @description ok: on plan; amber: behind plan by at least the amber threshold; red: by at least the red one; no_data.
                         * @enum {string}
                         */
                        status: "ok" | "amber" | "red" | "no_data";
                        /** @description The plan compared with: the month’s, the year to date’s, or the annual plan (run rate). */
                        plan: string | null;
                        /** @description The actual compared: the month’s, the year to date’s, or the forecast at the pace so far (run rate). */
                        actual: string | null;
                        /** @description (actual − plan) ÷ |plan| × 100; null without data or with a plan of 0. */
                        deviationPct: string | null;
                        /** @description What is missing when the status is no_data. */
                        missing: ("plan" | "actual") | null;
                    } | null;
                    /**
                     * @description red, else amber, else no_data, else ok.
                     * @enum {string}
                     */
                    worst: "ok" | "amber" | "red" | "no_data";
                }[];
            };
            rows: {
                /**
                 * @description total: the chosen unit (or the organization); unit: a child unit with its subtree; own: the unit’s own figures; person: a person in the unit.
                 * @enum {string}
                 */
                kind: "total" | "unit" | "own" | "person";
                /** @description The unit’s or person’s id; null for the organization’s total. */
                id: string | null;
                name: string;
                /** @description Whether the caller may open this unit’s board (?unit=<id>). */
                drill: boolean;
                /** @description One per KPI, in the order of `kpis`. */
                cells: {
                    kpi: string;
                    /** @description The month’s plan. */
                    plan: string | null;
                    /** @description The month’s actual. */
                    actual: string | null;
                    /** @description Null when the KPI has no such alarm. */
                    month: {
                        /**
                         * @description ok: on plan; amber: behind plan by at least the amber threshold; red: by at least the red one; no_data.
                         * @enum {string}
                         */
                        status: "ok" | "amber" | "red" | "no_data";
                        /** @description The plan compared with: the month’s, the year to date’s, or the annual plan (run rate). */
                        plan: string | null;
                        /** @description The actual compared: the month’s, the year to date’s, or the forecast at the pace so far (run rate). */
                        actual: string | null;
                        /** @description (actual − plan) ÷ |plan| × 100; null without data or with a plan of 0. */
                        deviationPct: string | null;
                        /** @description What is missing when the status is no_data. */
                        missing: ("plan" | "actual") | null;
                    } | null;
                    /** @description Null when the KPI has no such alarm. */
                    ytd: {
                        /**
                         * @description ok: on plan; amber: behind plan by at least the amber threshold; red: by at least the red one; no_data.
                         * @enum {string}
                         */
                        status: "ok" | "amber" | "red" | "no_data";
                        /** @description The plan compared with: the month’s, the year to date’s, or the annual plan (run rate). */
                        plan: string | null;
                        /** @description The actual compared: the month’s, the year to date’s, or the forecast at the pace so far (run rate). */
                        actual: string | null;
                        /** @description (actual − plan) ÷ |plan| × 100; null without data or with a plan of 0. */
                        deviationPct: string | null;
                        /** @description What is missing when the status is no_data. */
                        missing: ("plan" | "actual") | null;
                    } | null;
                    /** @description Null when the KPI has no such alarm. */
                    runRate: {
                        /**
                         * @description ok: on plan; amber: behind plan by at least the amber threshold; red: by at least the red one; no_data.
                         * @enum {string}
                         */
                        status: "ok" | "amber" | "red" | "no_data";
                        /** @description The plan compared with: the month’s, the year to date’s, or the annual plan (run rate). */
                        plan: string | null;
                        /** @description The actual compared: the month’s, the year to date’s, or the forecast at the pace so far (run rate). */
                        actual: string | null;
                        /** @description (actual − plan) ÷ |plan| × 100; null without data or with a plan of 0. */
                        deviationPct: string | null;
                        /** @description What is missing when the status is no_data. */
                        missing: ("plan" | "actual") | null;
                    } | null;
                    /**
                     * @description red, else amber, else no_data, else ok.
                     * @enum {string}
                     */
                    worst: "ok" | "amber" | "red" | "no_data";
                }[];
            }[];
        };
        KpiList: {
            kpis: {
                /** Format: uuid */
                id: string;
                definition: {
                    key: string;
                    names: {
                        en: string;
                        sv: string;
                    };
                    /** @enum {string} */
                    unit: "currency" | "count" | "percent" | "ratio";
                    /** @enum {string} */
                    direction: "higher" | "lower";
                    rollup: {
                        /** @constant */
                        kind: "sum";
                    } | {
                        /** @constant */
                        kind: "weighted";
                        base: string;
                    } | {
                        /** @constant */
                        kind: "ratio";
                        numerator: string;
                        denominator: string;
                    };
                    /** @constant */
                    period: "month";
                    alarm: {
                        /** @description How many % worse than plan turns a figure amber, and red. */
                        month: {
                            amberPct: string;
                            redPct: string;
                        } | null;
                        /** @description How many % worse than plan turns a figure amber, and red. */
                        ytd: {
                            amberPct: string;
                            redPct: string;
                        } | null;
                        runRate: boolean;
                    };
                    /** @description The email of who owns the KPI (a viewer or an admin): they get one email with its new alarms when a month’s actuals are in. Null: no owner. */
                    owner: string | null;
                };
            }[];
        };
        /** @description What the write did. Sending the same values again gives only unchanged ones. */
        KpiValuesWritten: {
            created: number;
            updated: number;
            unchanged: number;
            /** @description Values already entered that this write changed (kept as corrections). */
            corrections: number;
        };
        KpiValueList: {
            values: {
                kpi: string;
                unitId: string | null;
                /** @description The person’s email, for a person’s own figure. */
                person: string | null;
                /** @description YYYY-MM */
                month: string;
                plan: string | null;
                actual: string | null;
                updatedBy: string;
                /** Format: date-time */
                updatedAt: string;
            }[];
        };
        KpiChangeList: {
            changes: {
                kpi: string;
                unitId: string | null;
                /** @description The person’s email, for a person’s own figure. */
                person: string | null;
                /** @description YYYY-MM */
                month: string;
                /** @enum {string} */
                field: "plan" | "actual";
                before: string | null;
                after: string | null;
                /** @enum {string} */
                source: "import" | "api" | "manual";
                changedBy: string;
                /** Format: date-time */
                changedAt: string;
            }[];
        };
        KpiAlarmList: {
            /** @description YYYY-MM */
            month: string;
            /** @description The organization’s time zone. */
            zone: string;
            /** @description The chosen unit; null at the organization’s top. */
            unit: {
                id: string;
                name: string;
            } | null;
            alarms: {
                kpi: string;
                /** @description The board row: the chosen unit’s total, a child unit with its subtree, the unit’s own figures, or a person. */
                row: {
                    /** @enum {string} */
                    kind: "total" | "unit" | "own" | "person";
                    id: string | null;
                    name: string;
                };
                /**
                 * @description month: the month against its plan; ytd: year to date; runRate: the year at this pace.
                 * @enum {string}
                 */
                measure: "month" | "ytd" | "runRate";
                /** @enum {string} */
                level: "red" | "amber";
                /** @description A decimal number as a string (exact, or rounded to 6 decimals); null: no figure. */
                plan: string | null;
                /** @description For runRate: the forecast for the year at the pace so far. */
                actual: string | null;
                /** @description (actual − plan) ÷ |plan| × 100. */
                deviationPct: string | null;
            }[];
        };
        KpiReview: {
            /** Format: uuid */
            id: string;
            /** @description The unit; id `organization` and the organization’s name for the organization’s top. */
            unit: {
                id: string;
                name: string;
            };
            /** @description The month under review. */
            month: string;
            /** @enum {string} */
            status: "open" | "closed";
            /** @description The minutes, written when the review is closed. */
            minutes: string;
            /** @description How many corrections were recorded at the review. */
            correctionCount: number;
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            closedAt: string | null;
            closedBy: string | null;
            corrections: components["schemas"]["KpiCorrection"][];
        };
        KpiReviewList: {
            reviews: {
                /** Format: uuid */
                id: string;
                /** @description The unit; id `organization` and the organization’s name for the organization’s top. */
                unit: {
                    id: string;
                    name: string;
                };
                /** @description The month under review. */
                month: string;
                /** @enum {string} */
                status: "open" | "closed";
                /** @description The minutes, written when the review is closed. */
                minutes: string;
                /** @description How many corrections were recorded at the review. */
                correctionCount: number;
                createdBy: string;
                /** Format: date-time */
                createdAt: string;
                closedAt: string | null;
                closedBy: string | null;
            }[];
        };
        KpiCorrection: {
            /** Format: uuid */
            id: string;
            reviewId: string | null;
            /** @description The unit; id `organization` and the organization’s name for the organization’s top. */
            unit: {
                id: string;
                name: string;
            };
            kpi: string;
            /** @description The month whose alarm the correction answers. */
            alarmMonth: string;
            /** @enum {string} */
            correction: "shift_time" | "campaign" | "joint_visits" | "reassign_accounts" | "price_offer" | "revise_target" | "escalate" | "other";
            title: string;
            owner: {
                id: string;
                name: string;
            } | null;
            expectedEffect: string;
            checkOn: string | null;
            /** @description Whether the check date has come (today in the organization’s time zone). */
            due: boolean;
            /** @description What the sales people are told. */
            passedDown: string;
            /** Format: date */
            decidedOn: string;
            createdBy: string;
        };
        KpiCorrectionList: {
            corrections: components["schemas"]["KpiCorrection"][];
        };
        SalesAgenda: {
            /** Format: uuid */
            id: string;
            /** Format: date */
            decidedOn: string;
            /** @description Who decided: the executive team or its members. */
            decidedBy: string;
            /** @description The KPI keys the sales organization works to. */
            kpis: string[];
            priorities: string;
            /** @description The reporting the executives ask for. */
            reporting: string;
            recordedBy: string;
            /** Format: date-time */
            recordedAt: string;
        };
        SalesAgendaList: {
            /** @description The agenda in force first, then earlier decisions. */
            agendas: components["schemas"]["SalesAgenda"][];
        };
        Experiment: {
            /** Format: uuid */
            id: string;
            /** @description A unit, or id `organization` for the organization as a whole. */
            unit: {
                id: string;
                name: string;
            };
            /** @description The audit round the experiment came from. */
            round: {
                /** Format: uuid */
                id: string;
                name: string;
                model: string;
            };
            /** @description The model’s alignment pair it addresses. */
            pairKey: string | null;
            statementKey: string | null;
            hypothesis: string;
            /** @description The one thing changed. */
            lever: string;
            metric: {
                /** @constant */
                kind: "area";
                area: string;
                name: string;
            } | {
                /** @constant */
                kind: "kpi";
                /** Format: uuid */
                kpiId: string;
                name: string;
            };
            /** Format: date */
            startsOn: string;
            /**
             * Format: date
             * @description 42–56 days after startsOn.
             */
            endsOn: string;
            owner: {
                id: string;
                name: string;
            } | null;
            /** @enum {string} */
            status: "planned" | "running" | "done" | "stopped";
            result: string;
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        ExperimentList: {
            experiments: components["schemas"]["Experiment"][];
        };
        Alignment: {
            alignment: {
                round: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                    model: string;
                };
                unit: {
                    id: string;
                    name: string;
                };
                /** @description A pair is flagged when its two shown scores differ by at least this much. */
                threshold: number;
                areas: {
                    key: string;
                    name: string;
                    score: number | null;
                }[];
                /** @description Areas × areas in model order: the row area’s shown score minus the column area’s. */
                matrix: {
                    difference: number | null;
                    beyond: boolean;
                    pair: string | null;
                }[][];
                pairs: {
                    key: string;
                    /** @enum {string} */
                    kind: "areas" | "statements";
                    items: {
                        key: string;
                        name: string;
                        score: number | null;
                    }[];
                    difference: number | null;
                    flagged: boolean;
                    symptom: string;
                    behaviours: string[];
                }[];
                groupGaps: {
                    statement: {
                        key: string;
                        area: string;
                        text: string;
                    };
                    groups: {
                        key: string;
                        name: string;
                        score: number;
                    }[];
                    difference: number;
                }[];
                groupGapCount: number;
            } | null;
            /** @description Experiments the unit started from earlier rounds of this model, with the watched area’s score then and now. */
            followUp: {
                /** Format: uuid */
                id: string;
                /** @description A unit, or id `organization` for the organization as a whole. */
                unit: {
                    id: string;
                    name: string;
                };
                /** @description The audit round the experiment came from. */
                round: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                    model: string;
                };
                /** @description The model’s alignment pair it addresses. */
                pairKey: string | null;
                statementKey: string | null;
                hypothesis: string;
                /** @description The one thing changed. */
                lever: string;
                metric: {
                    /** @constant */
                    kind: "area";
                    area: string;
                    name: string;
                } | {
                    /** @constant */
                    kind: "kpi";
                    /** Format: uuid */
                    kpiId: string;
                    name: string;
                };
                /** Format: date */
                startsOn: string;
                /**
                 * Format: date
                 * @description 42–56 days after startsOn.
                 */
                endsOn: string;
                owner: {
                    id: string;
                    name: string;
                } | null;
                /** @enum {string} */
                status: "planned" | "running" | "done" | "stopped";
                result: string;
                createdBy: string;
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                updatedAt: string;
                then: number | null;
                now: number | null;
                change: number | null;
            }[];
        };
        Erasure: {
            /** @description Stands for the person in the audit log from now on. */
            pseudonym: string;
        };
        Retention: {
            auditMonths: number;
            invitationMonths: number;
        };
        Billing: {
            /** @description Lapsed: no new round can start (results stay readable). */
            standing: {
                /** @constant */
                state: "trial";
                /**
                 * Format: date
                 * @description The first day without the trial.
                 */
                trialEndsOn: string;
                /** @description How many people the trial covers. */
                userLimit: number;
            } | {
                /** @constant */
                state: "active";
            } | {
                /** @constant */
                state: "not_billed";
            } | {
                /** @constant */
                state: "lapsed";
                /** @enum {string} */
                reason: "trial_ended" | "ended" | "unpaid";
                /** Format: date */
                since: string;
            };
            subscription: {
                /** @enum {string} */
                plan: "trial" | "subscription";
                trialEndsOn: string | null;
                currency: ("EUR" | "SEK") | null;
                /** @description Per user and month. */
                unitPriceMinor: number | null;
                periodStart: string | null;
                /** @description The period is [periodStart, periodEnd): periodEnd is its first day after. */
                periodEnd: string | null;
                endsOn: string | null;
                nextBillingOn: string | null;
            } | null;
            /** @description People with a role in the organization in the current period (now, outside a subscription). The admin page lists who. */
            countedUsers: number;
            minimumUsers: number;
            trialUserLimit: number;
            /** @description What billing would issue at its next date with the users now (two at a renewal); empty on a trial or without a subscription. */
            nextInvoices: {
                /** Format: date */
                issueOn: string;
                /** @enum {string} */
                reason: "period" | "additions";
                period: {
                    /** Format: date */
                    start: string;
                    /** Format: date */
                    end: string;
                };
                /** @enum {string} */
                currency: "EUR" | "SEK";
                lines: {
                    /** Format: date */
                    fromOn: string;
                    /** Format: date */
                    toOn: string;
                    days: number;
                    periodDays: number;
                    users: number;
                    /** @description Per user and month. */
                    unitPrice: number;
                    /** @description users × unitPrice × 12 × days ÷ periodDays, rounded half away from zero. */
                    amount: number;
                }[];
                /** @enum {string} */
                vatTreatment: "standard" | "reverse_charge" | "outside_eu";
                /** @description Basis points: 2500 = 25 %. */
                vatRateBp: number;
                /** @description Minor units of the currency (cents, öre). */
                netMinor: number;
                /** @description Minor units of the currency (cents, öre). */
                vatMinor: number;
                /** @description Minor units of the currency (cents, öre). */
                totalMinor: number;
            }[];
        };
        InvoiceList: {
            invoices: {
                /** Format: uuid */
                id: string;
                number: number;
                /** @enum {string} */
                kind: "invoice" | "credit_note";
                /** @enum {string} */
                reason: "period" | "additions" | "credit";
                /** @enum {string} */
                status: "credit_note" | "credited" | "paid" | "open" | "overdue";
                /** Format: date */
                issuedOn: string;
                /** Format: date */
                dueOn: string;
                /** Format: date */
                periodStart: string;
                /** Format: date */
                periodEnd: string;
                /** @enum {string} */
                currency: "EUR" | "SEK";
                /** @description Minor units of the currency (cents, öre). */
                netMinor: number;
                /** @description Minor units of the currency (cents, öre). */
                vatMinor: number;
                /** @description Minor units of the currency (cents, öre). */
                totalMinor: number;
                /** @enum {string} */
                vatTreatment: "standard" | "reverse_charge" | "outside_eu";
                /** @description OCR for SEK (bankgiro), RF creditor reference for EUR. */
                paymentReference: string;
                paidOn: string | null;
                /** @description A credit note: the number of the invoice it cancels. */
                creditsNumber: number | null;
                /** @description An invoice: the number of the credit note that cancelled it. */
                creditedBy: number | null;
                /** @description A Peppol BIS Billing 3.0 e-invoice is available. */
                eInvoice: boolean;
            }[];
        };
        Invoice: {
            /** Format: uuid */
            id: string;
            number: number;
            /** @enum {string} */
            kind: "invoice" | "credit_note";
            /** @enum {string} */
            reason: "period" | "additions" | "credit";
            /** @enum {string} */
            status: "credit_note" | "credited" | "paid" | "open" | "overdue";
            /** Format: date */
            issuedOn: string;
            /** Format: date */
            dueOn: string;
            /** Format: date */
            periodStart: string;
            /** Format: date */
            periodEnd: string;
            /** @enum {string} */
            currency: "EUR" | "SEK";
            /** @description Minor units of the currency (cents, öre). */
            netMinor: number;
            /** @description Minor units of the currency (cents, öre). */
            vatMinor: number;
            /** @description Minor units of the currency (cents, öre). */
            totalMinor: number;
            /** @enum {string} */
            vatTreatment: "standard" | "reverse_charge" | "outside_eu";
            /** @description OCR for SEK (bankgiro), RF creditor reference for EUR. */
            paymentReference: string;
            paidOn: string | null;
            /** @description A credit note: the number of the invoice it cancels. */
            creditsNumber: number | null;
            /** @description An invoice: the number of the credit note that cancelled it. */
            creditedBy: number | null;
            /** @description A Peppol BIS Billing 3.0 e-invoice is available. */
            eInvoice: boolean;
            /** @enum {string} */
            language: "en" | "sv";
            vatRateBp: number;
            /** @description Swedish VAT on an invoice in EUR, also stated in SEK at the rate it was issued with; null otherwise. */
            vatSek: {
                /** @description SEK per EUR × 10 000: 112345 = 11.2345. */
                rateE4: number;
                /** @description The VAT in öre. */
                vatMinor: number;
            } | null;
            /** @description The seller as printed on the invoice. */
            seller: {
                [key: string]: string;
            };
            /** @description The buyer as printed on the invoice. */
            buyer: {
                [key: string]: string;
            };
            lines: {
                /** Format: date */
                fromOn: string;
                /** Format: date */
                toOn: string;
                days: number;
                periodDays: number;
                users: number;
                /** @description Per user and month. */
                unitPrice: number;
                /** @description users × unitPrice × 12 × days ÷ periodDays, rounded half away from zero. */
                amount: number;
                position: number;
            }[];
        };
        OperatorBilling: {
            organizations: {
                /** Format: uuid */
                id: string;
                name: string;
                isDemo: boolean;
                /** @description Lapsed: no new round can start (results stay readable). */
                standing: {
                    /** @constant */
                    state: "trial";
                    /**
                     * Format: date
                     * @description The first day without the trial.
                     */
                    trialEndsOn: string;
                    /** @description How many people the trial covers. */
                    userLimit: number;
                } | {
                    /** @constant */
                    state: "active";
                } | {
                    /** @constant */
                    state: "not_billed";
                } | {
                    /** @constant */
                    state: "lapsed";
                    /** @enum {string} */
                    reason: "trial_ended" | "ended" | "unpaid";
                    /** Format: date */
                    since: string;
                };
                subscription: {
                    /** @enum {string} */
                    plan: "trial" | "subscription";
                    trialEndsOn: string | null;
                    currency: ("EUR" | "SEK") | null;
                    /** @description Per user and month. */
                    unitPriceMinor: number | null;
                    periodStart: string | null;
                    /** @description The period is [periodStart, periodEnd): periodEnd is its first day after. */
                    periodEnd: string | null;
                    endsOn: string | null;
                    nextBillingOn: string | null;
                } | null;
                /** @description Owed now: invoices neither paid nor credited, per currency. */
                open: {
                    /** @enum {string} */
                    currency: "EUR" | "SEK";
                    /** @description Minor units of the currency (cents, öre). */
                    amountMinor: number;
                }[];
            }[];
        };
        OperatorInvoiceList: {
            /** Format: date */
            from: string;
            /**
             * Format: date
             * @description Included.
             */
            to: string;
            invoices: {
                /** Format: uuid */
                id: string;
                number: number;
                /** @enum {string} */
                kind: "invoice" | "credit_note";
                /** @enum {string} */
                reason: "period" | "additions" | "credit";
                /** @enum {string} */
                status: "credit_note" | "credited" | "paid" | "open" | "overdue";
                /** Format: date */
                issuedOn: string;
                /** Format: date */
                dueOn: string;
                /** Format: date */
                periodStart: string;
                /** Format: date */
                periodEnd: string;
                /** @enum {string} */
                currency: "EUR" | "SEK";
                /** @description Minor units of the currency (cents, öre). */
                netMinor: number;
                /** @description Minor units of the currency (cents, öre). */
                vatMinor: number;
                /** @description Minor units of the currency (cents, öre). */
                totalMinor: number;
                /** @enum {string} */
                vatTreatment: "standard" | "reverse_charge" | "outside_eu";
                /** @description OCR for SEK (bankgiro), RF creditor reference for EUR. */
                paymentReference: string;
                paidOn: string | null;
                /** @description A credit note: the number of the invoice it cancels. */
                creditsNumber: number | null;
                /** @description An invoice: the number of the credit note that cancelled it. */
                creditedBy: number | null;
                /** @description A Peppol BIS Billing 3.0 e-invoice is available. */
                eInvoice: boolean;
                /** Format: uuid */
                organizationId: string;
                organizationName: string;
            }[];
        };
        UnitInput: {
            name: string;
            parentId?: string | null;
        };
        UnitPatch: {
            name?: string;
            parentId?: string | null;
        };
        UnitMerge: {
            /** Format: uuid */
            intoId: string;
        };
        UserInput: {
            name: string;
            email: string;
            /**
             * @default en
             * @enum {string}
             */
            language?: "en" | "sv";
            /** @default null */
            unitId?: string | null;
            /** @default null */
            jobRole?: string | null;
            /**
             * @default participant
             * @enum {string}
             */
            access?: "participant" | "viewer" | "admin";
            /** @default null */
            scopeUnitId?: string | null;
        };
        UserPatch: {
            name?: string;
            email?: string;
            /** @enum {string} */
            language?: "en" | "sv";
            unitId?: string | null;
            jobRole?: string | null;
            /** @enum {string} */
            access?: "participant" | "viewer" | "admin";
            scopeUnitId?: string | null;
        };
        SurveyAnswers: {
            /**
             * @description By statement key: 1–5 on the scale, 0 for “don’t know”, -1 for “not used in our team” (only for the statements the model offers it for; elsewhere 400), or null to clear.
             * @default {}
             */
            answers?: unknown;
            /** @default {} */
            questions?: unknown;
        };
        RoundInput: {
            name: string;
            model?: {
                id: string;
                version: string;
            };
            modelId?: string;
            /**
             * @default {
             *       "mode": "all"
             *     }
             */
            participants?: {
                /** @constant */
                mode: "all";
            } | {
                /** @constant */
                mode: "units";
                unitIds: string[];
            } | {
                /** @constant */
                mode: "users";
                userIds: string[];
            };
            /** @default [] */
            questions?: ({
                /** @constant */
                source: "standard";
                key: string;
            } | {
                /** @constant */
                source: "organization";
                /** Format: uuid */
                id: string;
            })[];
            /** Format: date-time */
            startsAt?: string;
            /** Format: date-time */
            endsAt?: string;
            /** Format: date-time */
            publishAt?: string;
            reminders?: string[];
            /** @default 5 */
            minGroupSize?: number;
            /** @default true */
            launch?: boolean;
            /** @default null */
            repeatMonths?: (3 | 6 | 12) | null;
        };
        RoundExtend: {
            /** Format: date-time */
            endsAt: string;
            /** Format: date-time */
            publishAt?: string;
        };
        RoundPatch: {
            repeatMonths: (3 | 6 | 12) | null;
        };
        QuestionInput: {
            /** @enum {string} */
            type: "scale" | "single" | "multi" | "text" | "number";
            en: {
                text: string;
                options?: string[];
                scaleLabels?: {
                    1: string;
                    2?: string;
                    3?: string;
                    4?: string;
                    5: string;
                };
                unit?: string;
            };
            sv?: {
                text?: string;
                options?: string[];
                scaleLabels?: {
                    1: string;
                    2?: string;
                    3?: string;
                    4?: string;
                    5: string;
                };
                unit?: string;
            };
            min?: number;
            max?: number;
        };
        ActionInput: {
            unitId: string | "organization";
            title: string;
            /** @default  */
            reason?: string;
            /** @default null */
            ownerId?: string | null;
            /** @default null */
            dueOn?: string | null;
            /** @default null */
            roundId?: string | null;
            /** @default null */
            areaKey?: string | null;
            /** @default null */
            statementKey?: string | null;
            /**
             * @default planned
             * @enum {string}
             */
            status?: "planned" | "in_progress" | "done" | "dropped";
        };
        ActionPatch: {
            title?: string;
            reason?: string;
            ownerId?: string | null;
            dueOn?: string | null;
            /** @enum {string} */
            status?: "planned" | "in_progress" | "done" | "dropped";
        };
        ActionNote: {
            body: string;
        };
        DecisionInput: {
            unitId: string | "organization";
            decidedOn: string;
            title: string;
            /** @default  */
            reason?: string;
        };
        ExportInput: {
            /** @default all */
            compare?: ("all" | "industry" | "size_band" | "country" | "sales_model") | string;
            /**
             * @default mean
             * @enum {string}
             */
            statistic?: "mean" | "median" | "p75" | "p90";
            /** @enum {string} */
            format: "pdf" | "pptx" | "xlsx" | "csv";
            /** Format: uuid */
            roundId: string;
            unitId: string | "organization";
            /** @enum {string} */
            lang?: "en" | "sv";
            /** @default false */
            emailWhenReady?: boolean;
            /**
             * @description For `csv`: `long` (table, row, column, value: one figure a line) or `wide` (one row per unit, one column per area; separator and decimal mark of the report’s language: `;` and `,` in Swedish). Only `long` for the other formats.
             * @default long
             * @enum {string}
             */
            layout?: "long" | "wide";
        };
        KpiSetInput: {
            kpis: {
                key: string;
                names: {
                    en: string;
                    sv: string;
                };
                /** @enum {string} */
                unit: "currency" | "count" | "percent" | "ratio";
                /** @enum {string} */
                direction: "higher" | "lower";
                rollup: {
                    /** @constant */
                    kind: "sum";
                } | {
                    /** @constant */
                    kind: "weighted";
                    base: string;
                } | {
                    /** @constant */
                    kind: "ratio";
                    numerator: string;
                    denominator: string;
                };
                /**
                 * @default month
                 * @constant
                 */
                period?: "month";
                alarm?: {
                    month?: {
                        amberPct: string | number;
                        redPct: string | number;
                    } | null;
                    ytd?: {
                        amberPct: string | number;
                        redPct: string | number;
                    } | null;
                    /** @default false */
                    runRate?: boolean;
                };
                owner?: string | null;
            }[];
        };
        KpiValuesInput: {
            values: {
                /** @description The KPI key, e.g. order_intake. */
                kpi: string;
                /** @description A unit id: the unit’s own figure (not its sub-units’). */
                unit?: string;
                /** @description A person’s email: their own figure. */
                person?: string;
                /** @description The calendar month, YYYY-MM, in the organization’s time zone. */
                month: string;
                /** @description Omitted: left as it is; null: cleared. */
                plan?: string | number | null;
                /** @description Omitted: left as it is; null: cleared. */
                actual?: string | number | null;
            }[];
        };
        KpiReviewRef: {
            unitId: string | "organization";
            month: string;
        };
        KpiCorrectionInput: {
            kpi: string;
            alarmMonth: string;
            /** @enum {string} */
            correction: "shift_time" | "campaign" | "joint_visits" | "reassign_accounts" | "price_offer" | "revise_target" | "escalate" | "other";
            title: string;
            /** @default null */
            ownerId?: string | null;
            /** @default  */
            expectedEffect?: string;
            checkOn: string;
            /** @default  */
            passedDown?: string;
            /** @default false */
            asAction?: boolean;
        };
        KpiReviewClose: {
            /** @default  */
            minutes?: string;
        };
        SalesAgendaInput: {
            decidedOn: string;
            decidedBy: string;
            /** @default [] */
            kpis?: string[];
            /** @default  */
            priorities?: string;
            /** @default  */
            reporting?: string;
        };
        ExperimentInput: {
            unitId: string | "organization";
            /** Format: uuid */
            roundId: string;
            /** @default null */
            pairKey?: string | null;
            /** @default null */
            statementKey?: string | null;
            hypothesis: string;
            lever: string;
            metric: {
                /** @constant */
                kind: "area";
                area: string;
            } | {
                /** @constant */
                kind: "kpi";
                /** Format: uuid */
                kpiId: string;
            };
            startsOn: string;
            endsOn: string;
            /** Format: uuid */
            ownerId: string;
            /**
             * @default planned
             * @enum {string}
             */
            status?: "planned" | "running" | "done" | "stopped";
            /** @default  */
            result?: string;
        };
        ExperimentPatch: {
            hypothesis?: string;
            lever?: string;
            metric?: {
                /** @constant */
                kind: "area";
                area: string;
            } | {
                /** @constant */
                kind: "kpi";
                /** Format: uuid */
                kpiId: string;
            };
            startsOn?: string;
            endsOn?: string;
            /** Format: uuid */
            ownerId?: string;
            /** @enum {string} */
            status?: "planned" | "running" | "done" | "stopped";
            result?: string;
        };
        ErasureInput: {
            /** @description The person’s email address, as confirmation. */
            confirmEmail: string;
        };
        RetentionInput: {
            auditMonths: number;
            invitationMonths: number;
        };
    };
    responses: {
        /** @description Invalid input: the message and details say which field and why. */
        E400: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Not signed in and no valid API token. */
        E401: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Signed in, but not allowed (admins only), or a cross-site request. */
        E403: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No such resource in your organization. */
        E404: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Conflicts with the current state (e.g. a duplicate email, a unit that is not empty, or a round whose status does not allow the action). */
        E409: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listUnits: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitList"];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    createUnit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UnitInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Unit"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            409: components["responses"]["E409"];
        };
    };
    getUnit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Unit"];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    deleteUnit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            409: components["responses"]["E409"];
        };
    };
    updateUnit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UnitPatch"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Unit"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            409: components["responses"]["E409"];
        };
    };
    mergeUnit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UnitMerge"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Unit"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            409: components["responses"]["E409"];
        };
    };
    listUsers: {
        parameters: {
            query?: {
                /** @description Search in name and email */
                q?: string;
                unitId?: string;
                access?: "participant" | "viewer" | "admin";
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserList"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            409: components["responses"]["E409"];
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    deleteUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            409: components["responses"]["E409"];
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserPatch"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            409: components["responses"]["E409"];
        };
    };
    previewUserImport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            /** @description Preview created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportPreview"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    getUserImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserImport"];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    applyUserImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Applied; counts of created and updated users and new units. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportApplied"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            409: components["responses"]["E409"];
        };
    };
    userImportTemplate: {
        parameters: {
            query?: {
                format?: "xlsx" | "csv";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The template file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    submitSurvey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SurveyAnswers"];
            };
        };
        responses: {
            /** @description Submitted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveySubmitted"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            404: components["responses"]["E404"];
            409: components["responses"]["E409"];
        };
    };
    listRounds: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundList"];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    createRound: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoundInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundWithWarnings"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    getRound: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Round"];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    updateRound: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoundPatch"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Round"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            409: components["responses"]["E409"];
        };
    };
    launchRound: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundWithWarnings"];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            409: components["responses"]["E409"];
        };
    };
    closeRound: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Round"];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            409: components["responses"]["E409"];
        };
    };
    extendRound: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoundExtend"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Round"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            409: components["responses"]["E409"];
        };
    };
    remindRound: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Round"];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            409: components["responses"]["E409"];
        };
    };
    roundResponseRates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResponseRates"];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    listQuestions: {
        parameters: {
            query?: {
                /** @description Include archived questions of the organization */
                archived?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionList"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    createQuestion: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QuestionInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Question"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            409: components["responses"]["E409"];
        };
    };
    getQuestion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Question"];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    archiveQuestion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Archived */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            409: components["responses"]["E409"];
        };
    };
    listResults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResultRoundList"];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    unitResults: {
        parameters: {
            query?: {
                /** @description `all`, `industry`, `size_band`, `country`, `sales_model` (the organization’s own segment), or `import:<benchmark version id>`. */
                compare?: string;
                statistic?: "mean" | "median" | "p75" | "p90";
                /** @description Language of area, statement and question texts (default: the caller’s). */
                lang?: "en" | "sv";
                /** @description Also compare with the unit above (`parent`) or the whole organization: their area scores in `internal.compared`. */
                within?: "parent" | "organization";
            };
            header?: never;
            path: {
                round: string;
                /** @description A unit id, or `organization` for the whole organization (admins). */
                unit: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitResults"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    resultsHeatmap: {
        parameters: {
            query: {
                unit: string;
                depth?: number;
                /** @description `all`, `industry`, `size_band`, `country`, `sales_model` (the organization’s own segment), or `import:<benchmark version id>`. */
                compare?: string;
                statistic?: "mean" | "median" | "p75" | "p90";
                /** @description Language of area, statement and question texts (default: the caller’s). */
                lang?: "en" | "sv";
            };
            header?: never;
            path: {
                round: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Heatmap"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    resultsHeatmapCut: {
        parameters: {
            query: {
                unit: string;
                /** @description A unit attribute (the import’s unit_ columns, without the prefix). Without it: only the attributes on offer. */
                attribute?: string;
                /** @description `all`, `industry`, `size_band`, `country`, `sales_model` (the organization’s own segment), or `import:<benchmark version id>`. */
                compare?: string;
                statistic?: "mean" | "median" | "p75" | "p90";
                /** @description Language of area, statement and question texts (default: the caller’s). */
                lang?: "en" | "sv";
            };
            header?: never;
            path: {
                round: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HeatmapCut"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    resultsTrend: {
        parameters: {
            query?: {
                /** @description Language of area, statement and question texts (default: the caller’s). */
                lang?: "en" | "sv";
            };
            header?: never;
            path: {
                /** @description A unit id, or `organization` for the whole organization (admins). */
                unit: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Trend"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    listActions: {
        parameters: {
            query?: {
                unitId?: string | "organization";
                status?: "planned" | "in_progress" | "done" | "dropped";
                open?: "true" | "false";
                ownerId?: string;
                overdue?: "true" | "false";
                mine?: "true" | "false";
                areaKey?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionList"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    createAction: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActionInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Action"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    getAction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Action"];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    deleteAction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    updateAction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActionPatch"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Action"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    addActionNote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActionNote"];
            };
        };
        responses: {
            /** @description Added */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Action"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    listBenchmarks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BenchmarkVersionList"];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    listDecisions: {
        parameters: {
            query: {
                unitId: string | "organization";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionList"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    recordDecision: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecisionInput"];
            };
        };
        responses: {
            /** @description Recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Decision"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    deleteDecision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    listExports: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExportList"];
                };
            };
            401: components["responses"]["E401"];
        };
    };
    requestExport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExportInput"];
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Export"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    getExport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Export"];
                };
            };
            401: components["responses"]["E401"];
            404: components["responses"]["E404"];
        };
    };
    exportFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, as an attachment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": unknown;
                    "application/vnd.openxmlformats-officedocument.presentationml.presentation": unknown;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": unknown;
                    "text/csv": unknown;
                };
            };
            401: components["responses"]["E401"];
            404: components["responses"]["E404"];
        };
    };
    listKpis: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KpiList"];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    saveKpis: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["KpiSetInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KpiList"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    installStarterKpis: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KpiList"];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    listKpiValues: {
        parameters: {
            query: {
                month: string;
                kpi?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KpiValueList"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    writeKpiValues: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["KpiValuesInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KpiValuesWritten"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    listKpiChanges: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KpiChangeList"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    kpiBoard: {
        parameters: {
            query?: {
                /** @description A unit id, or `organization` for the top (admins). Default: where the caller starts (an admin the top, a manager their unit, a sales person their team). */
                unit?: string;
                /** @description YYYY-MM, a calendar month in the organization’s time zone. Default: the last closed month. */
                month?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KpiBoard"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            404: components["responses"]["E404"];
        };
    };
    kpiAlarms: {
        parameters: {
            query?: {
                /** @description A unit id, or `organization` for the organization’s top (admins). Default: where the caller starts. */
                unit?: string;
                /** @description YYYY-MM. Default: the last closed month. */
                month?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "month": "2026-03",
                     *       "zone": "Europe/Stockholm",
                     *       "unit": {
                     *         "id": "3f2c9a4e-8b1d-4c6e-9f0a-2d5b7e1c4a90",
                     *         "name": "North"
                     *       },
                     *       "alarms": [
                     *         {
                     *           "kpi": "sales",
                     *           "row": {
                     *             "kind": "unit",
                     *             "id": "3f2c9a4e-8b1d-4c6e-9f0a-2d5b7e1c4a90",
                     *             "name": "Team B"
                     *           },
                     *           "measure": "month",
                     *           "level": "red",
                     *           "plan": "500",
                     *           "actual": "400",
                     *           "deviationPct": "-20"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["KpiAlarmList"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            404: components["responses"]["E404"];
        };
    };
    exportKpiBoard: {
        parameters: {
            query?: {
                /** @description A unit id, or `organization` for the organization’s top (admins). Default: where the caller starts. */
                unit?: string;
                /** @description YYYY-MM. Default: the last closed month. */
                month?: string;
                format?: "xlsx" | "csv";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, as an attachment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": unknown;
                    "text/csv": unknown;
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            404: components["responses"]["E404"];
        };
    };
    listKpiReviews: {
        parameters: {
            query?: {
                /** @description A unit id, or `organization` for the organization’s top (admins). Default: every unit the caller may act on. */
                unit?: string;
                /** @description The first month under review (YYYY-MM), inclusive. */
                from?: string;
                /** @description The last month under review (YYYY-MM), inclusive. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KpiReviewList"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            404: components["responses"]["E404"];
        };
    };
    openKpiReview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "unitId": "3f2c9a4e-8b1d-4c6e-9f0a-2d5b7e1c4a90",
                 *       "month": "2026-03"
                 *     }
                 */
                "application/json": components["schemas"]["KpiReviewRef"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KpiReview"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            404: components["responses"]["E404"];
        };
    };
    getKpiReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KpiReview"];
                };
            };
            401: components["responses"]["E401"];
            404: components["responses"]["E404"];
        };
    };
    recordKpiCorrection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "kpi": "order_intake",
                 *       "alarmMonth": "2026-03",
                 *       "correction": "joint_visits",
                 *       "title": "Joint visits on the ten largest open deals",
                 *       "ownerId": null,
                 *       "expectedEffect": "Order intake back on plan by May",
                 *       "checkOn": "2026-05-15",
                 *       "passedDown": "Book a joint visit with your manager on your two largest deals this month.",
                 *       "asAction": true
                 *     }
                 */
                "application/json": components["schemas"]["KpiCorrectionInput"];
            };
        };
        responses: {
            /** @description Recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KpiCorrection"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            404: components["responses"]["E404"];
            409: components["responses"]["E409"];
        };
    };
    closeKpiReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "minutes": "Order intake red in Team B; joint visits agreed, checked on 15 May."
                 *     }
                 */
                "application/json": components["schemas"]["KpiReviewClose"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KpiReview"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            404: components["responses"]["E404"];
            409: components["responses"]["E409"];
        };
    };
    listKpiCorrections: {
        parameters: {
            query?: {
                /** @description A unit id, or `organization` for the organization’s top (admins). Default: every unit the caller may act on. */
                unit?: string;
                /** @description The first alarm month (YYYY-MM), inclusive. */
                from?: string;
                /** @description The last alarm month (YYYY-MM), inclusive. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KpiCorrectionList"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            404: components["responses"]["E404"];
        };
    };
    listSalesAgendas: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SalesAgendaList"];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    recordSalesAgenda: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "decidedOn": "2026-01-20",
                 *       "decidedBy": "The executive team (CEO, CFO, sales director)",
                 *       "kpis": [
                 *         "order_intake",
                 *         "gross_margin",
                 *         "pipeline_coverage"
                 *       ],
                 *       "priorities": "Grow margin in the mid-market; keep pipeline coverage above 3.",
                 *       "reporting": "Monthly alarm board to the executive team; quarterly pack to the board."
                 *     }
                 */
                "application/json": components["schemas"]["SalesAgendaInput"];
            };
        };
        responses: {
            /** @description Recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SalesAgenda"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    listExperiments: {
        parameters: {
            query?: {
                /** @description Only this unit’s (not its sub-units’). */
                unitId?: string | "organization";
                /** @description Only those started from this round. */
                roundId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExperimentList"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    createExperiment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExperimentInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Experiment"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    getExperiment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Experiment"];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    updateExperiment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExperimentPatch"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Experiment"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    resultsAlignment: {
        parameters: {
            query: {
                /** @description A unit id, or `organization` (admins). */
                unit: string;
                /** @description Language of the texts (default: the caller’s). */
                lang?: "en" | "sv";
            };
            header?: never;
            path: {
                round: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Alignment"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    getBilling: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Billing"];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    listInvoices: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceList"];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    getInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
        };
    };
    operatorBilling: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperatorBilling"];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    operatorInvoices: {
        parameters: {
            query?: {
                /** @description First day of issue. */
                from?: string;
                /** @description Last day of issue (included). */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperatorInvoiceList"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    erasePerson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ErasureInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erasure"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
            404: components["responses"]["E404"];
            409: components["responses"]["E409"];
        };
    };
    exportOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The zip */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": string;
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    getRetention: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Retention"];
                };
            };
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
    setRetention: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetentionInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Retention"];
                };
            };
            400: components["responses"]["E400"];
            401: components["responses"]["E401"];
            403: components["responses"]["E403"];
        };
    };
}
