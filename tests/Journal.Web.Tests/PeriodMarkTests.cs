using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Journal.Domain.Schools;
using Journal.Web.Tests.Infrastructure;
using Npgsql;
using Shouldly;

namespace Journal.Web.Tests;

/// <summary>
/// GRD-3, GRD-4, DL-3, LCK-1, LCK-3: period marks set by the subject teacher and the class teacher, on 23.12.2026 —
/// the last week of the 2nd quarter (see <see cref="JournalAtPeriodEnd"/>).
/// </summary>
[Collection(nameof(AtPeriodEnd))]
public sealed class PeriodMarkTests(JournalAtPeriodEnd app) : IAsyncDisposable
{
    // Connections opened for a test are closed after it: the fixture drops its database at the end, and the schema
    // owner may not end the application role's sessions.
    private readonly List<Sql> _connections = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }

    [Fact]
    public async Task GRD4_DL3_LCK3_the_teacher_sets_a_period_mark_in_the_last_week_and_it_is_kept_in_history()
    {
        var (client, url, sql) = await OpenAsync("teacher@demo", "5А", "Математика");
        var q2 = await PeriodAsync(sql, 5, 2);
        var page = await GetAsync(client, $"{url}?period={q2}");
        var row = Rows(page).First(r => Proposal(r) is "3" or "4" or "5");
        var pupil = Pupil(row);

        var response = await PostAsync(client, $"{url}?period={q2}", page, (pupil, "Period", Proposal(row), null));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldEndWith("&saved=1");
        var stored = await sql.ColumnAsync<string>(
            """
            SELECT value || ':' || coalesce(proposal, '') || ':' || is_late FROM period_marks
            WHERE pupil_id = @p AND study_period_id = @q AND subject_id = (SELECT id FROM subjects WHERE name = 'Математика')
            """,
            ("p", pupil), ("q", q2));
        stored.ShouldBe([$"{Proposal(row)}:{Proposal(row)}:false"]);
        var history = await sql.ColumnAsync<string>(
            """
            SELECT coalesce(c.old_value, '') || '→' || c.new_value || ':' || c.ground || ':' || u.user_name
            FROM period_mark_changes c JOIN memberships m ON m.id = c.author_id JOIN users u ON u.id = m.user_id
            WHERE c.pupil_id = @p AND c.study_period_id = @q AND c.subject_id = (SELECT id FROM subjects WHERE name = 'Математика')
            """,
            ("p", pupil), ("q", q2));
        history.ShouldBe([$"→{Proposal(row)}:Entry:teacher@demo"]);
        var shown = Rows(await GetAsync(client, $"{url}?period={q2}")).Single(r => Pupil(r) == pupil);
        shown.QuerySelector("select option[selected]")!.TextContent.ShouldBe(Proposal(row));
    }

    [Fact]
    public async Task GRD4_a_mark_apart_from_the_proposal_needs_a_comment_and_one_bad_row_saves_nothing()
    {
        var (client, url, sql) = await OpenAsync("teacher@demo", "5А", "Математика");
        var q2 = await PeriodAsync(sql, 5, 2);
        var page = await GetAsync(client, $"{url}?period={q2}");
        var rows = Rows(page).Where(r => Proposal(r) is "3" or "4").Skip(1).Take(2).ToList();
        var (first, second) = (Pupil(rows[0]), Pupil(rows[1]));
        var higher = (int.Parse(Proposal(rows[1]), CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
        var before = await CountAsync(sql, "period_mark_changes");

        var refused = await PostAsync(
            client, $"{url}?period={q2}", page, (first, "Period", Proposal(rows[0]), null), (second, "Period", higher, null));

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await Parse(refused);
        again.QuerySelector(".alert-danger")!.TextContent.ShouldContain("Ничего не сохранено");
        Rows(again).Single(r => Pupil(r) == second).QuerySelector(".invalid-feedback")!.TextContent
            .ShouldBe($"Отметка «{higher}» отличается от предложенной «{Proposal(rows[1])}»: напишите комментарий, почему.");
        // The typed marks stay on the page.
        Rows(again).Single(r => Pupil(r) == second).QuerySelector("select option[selected]")!.TextContent.ShouldBe(higher);
        (await CountAsync(sql, "period_mark_changes")).ShouldBe(before);
        (await sql.ScalarAsync<long>(
                "SELECT count(*) FROM period_marks m JOIN subjects s ON s.id = m.subject_id WHERE s.name = 'Математика' AND m.pupil_id IN (@a, @b)",
                ("a", first), ("b", second)))
            .ShouldBe(0);

        var saved = await PostAsync(
            client, $"{url}?period={q2}", page, (first, "Period", Proposal(rows[0]), null), (second, "Period", higher, "Зачётная контрольная на «5»"));

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await sql.ScalarAsync<string>(
                "SELECT m.value || ':' || m.comment FROM period_marks m JOIN subjects s ON s.id = m.subject_id WHERE s.name = 'Математика' AND m.pupil_id = @p",
                ("p", second)))
            .ShouldBe($"{higher}:Зачётная контрольная на «5»");
    }

    [Theory]
    [InlineData("6", "«6» — не отметка за период. Можно: «5», «4», «3», «2», «н/а», «осв».")]
    [InlineData("зач", "«зач» — не отметка за период. Можно: «5», «4», «3», «2», «н/а», «осв».")]
    [InlineData("пять", "«пять» — не отметка за период. Можно: «5», «4», «3», «2», «н/а», «осв».")]
    public async Task A_period_mark_outside_the_scale_is_refused_in_russian_and_changes_nothing(string value, string message)
    {
        var (client, url, sql) = await OpenAsync("teacher@demo", "5А", "Математика");
        var q2 = await PeriodAsync(sql, 5, 2);
        var page = await GetAsync(client, $"{url}?period={q2}");
        var pupil = Pupil(Rows(page)[^1]);
        var before = await CountAsync(sql, "period_mark_changes");

        var response = await PostAsync(client, $"{url}?period={q2}", page, (pupil, "Period", value, "комментарий"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Rows(await Parse(response)).Single(r => Pupil(r) == pupil).QuerySelector(".invalid-feedback")!.TextContent.ShouldBe(message);
        (await CountAsync(sql, "period_mark_changes")).ShouldBe(before);
    }

    [Fact]
    public async Task A_pupil_of_another_class_is_refused_and_nothing_is_saved()
    {
        var (client, url, sql) = await OpenAsync("teacher@demo", "5А", "Математика");
        var q2 = await PeriodAsync(sql, 5, 2);
        var page = await GetAsync(client, $"{url}?period={q2}");
        var stranger = await sql.ScalarAsync<Guid>(
            "SELECT e.pupil_id FROM enrolments e JOIN classes c ON c.id = e.class_id WHERE c.grade = 7 AND e.to_date IS NULL LIMIT 1");
        var before = await CountAsync(sql, "period_mark_changes");

        var response = await PostAsync(client, $"{url}?period={q2}", page, (Pupil(Rows(page)[0]), "Period", "н/а", "болел"), (stranger, "Period", "5", "x"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Parse(response)).QuerySelector(".alert-danger")!.TextContent.ShouldBe("Этого ученика нет в классе (группе) в этом периоде.");
        (await CountAsync(sql, "period_mark_changes")).ShouldBe(before);
    }

    [Fact]
    public async Task LCK1_the_marks_of_a_quarter_ended_more_than_14_days_ago_are_locked()
    {
        var (client, url, sql) = await OpenAsync("teacher@demo", "5А", "Математика");
        var q1 = await PeriodAsync(sql, 5, 1);
        var page = await GetAsync(client, $"{url}?period={q1}");
        page.QuerySelector(".alert-warning")!.TextContent.ShouldBe(
            "Период закончился 25.10.2026: прошло больше 14 дн., отметки за период закрыты для изменений. " +
            "Исправление — через заявку заместителю директора.");
        page.QuerySelectorAll("select.mark-select:not([disabled])").ShouldBeEmpty();
        page.QuerySelector("form.attestation-form button").ShouldBeNull();
        var before = await CountAsync(sql, "period_mark_changes");

        var response = await PostAsync(client, $"{url}?period={q1}", page, (Pupil(Rows(page)[0]), "Period", "5", "x"));
        var accept = await PostFieldsAsync(client, $"{url}?period={q1}", page, [new("Accept", "Period")]);

        (await Parse(response)).QuerySelector(".alert-danger")!.TextContent.ShouldContain("закрыты для изменений");
        accept.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CountAsync(sql, "period_mark_changes")).ShouldBe(before);
    }

    [Fact]
    public async Task DL3_a_period_mark_before_the_last_week_of_the_period_is_refused()
    {
        var (client, url, sql) = await OpenAsync("teacher@demo", "5А", "Математика");
        var q3 = await PeriodAsync(sql, 5, 3);
        var page = await GetAsync(client, $"{url}?period={q3}");
        var before = await CountAsync(sql, "period_mark_changes");

        var response = await PostAsync(client, $"{url}?period={q3}", page, (Pupil(Rows(page)[0]), "Period", "5", "x"));

        (await Parse(response)).QuerySelector(".alert-danger")!.TextContent
            .ShouldBe("Отметку за период ставят в последнюю неделю периода: с 15.03.2027 по 21.03.2027.");
        (await CountAsync(sql, "period_mark_changes")).ShouldBe(before);
    }

    [Fact]
    public async Task GRD4_accept_all_sets_every_proposal_once_and_keeps_a_mark_already_set()
    {
        var (client, url, sql) = await OpenAsync("teacher@demo", "5Б", "Математика");
        var q2 = await PeriodAsync(sql, 5, 2);
        var page = await GetAsync(client, $"{url}?period={q2}");
        var rows = Rows(page).Where(r => r.QuerySelector("select:not([disabled])") is not null).ToList();
        var kept = Pupil(rows[0]);
        var keptValue = Proposal(rows[0]) == "н/а" ? "2" : "н/а";
        (await PostAsync(client, $"{url}?period={q2}", page, (kept, "Period", keptValue, "по заявлению родителей"))).StatusCode
            .ShouldBe(HttpStatusCode.Redirect);

        var accepted = await PostFieldsAsync(client, $"{url}?period={q2}", page, [new("Accept", "Period")]);
        var repeated = await PostFieldsAsync(client, $"{url}?period={q2}", page, [new("Accept", "Period")]);

        accepted.Headers.Location!.OriginalString.ShouldEndWith($"&saved={rows.Count - 1}");
        repeated.Headers.Location!.OriginalString.ShouldEndWith("&saved=0");
        var marks = await sql.ColumnAsync<string>(
            """
            SELECT m.pupil_id || ':' || m.value FROM period_marks m JOIN subjects s ON s.id = m.subject_id
            WHERE s.name = 'Математика' AND m.study_period_id = @q AND m.pupil_id = ANY(@pupils)
            """,
            ("q", q2), ("pupils", rows.Select(Pupil).ToArray()));
        marks.Order().ShouldBe(rows.Select(r => $"{Pupil(r)}:{(Pupil(r) == kept ? keptValue : Proposal(r))}").Order());
    }

    [Fact]
    public async Task The_class_teacher_sets_period_marks_in_a_subject_they_do_not_teach_seed_000_4_5()
    {
        var client = await app.SignInAsync("classteacher@demo");
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));
        var (classId, subjectId) = (await ClassAsync(sql, "5А"), await SubjectAsync(sql, "История"));
        var url = $"/s/demo/classteacher/marks/{classId}/{subjectId}";
        (await client.GetStringAsync("/s/demo/classteacher/marks")).ShouldContain($"href=\"{url}\"");
        var q2 = await PeriodAsync(sql, 5, 2);
        var page = await GetAsync(client, $"{url}?period={q2}");
        var row = Rows(page).First(r => r.QuerySelector("select:not([disabled])") is not null);

        var response = await PostAsync(client, $"{url}?period={q2}", page, (Pupil(row), "Period", "н/а", "Пропустил 80% уроков"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await sql.ScalarAsync<string>(
                """
                SELECT u.user_name FROM period_mark_changes c JOIN memberships m ON m.id = c.author_id JOIN users u ON u.id = m.user_id
                WHERE c.pupil_id = @p AND c.subject_id = @s
                """,
                ("p", Pupil(row)), ("s", subjectId)))
            .ShouldBe("classteacher@demo");
        // Not their class: not found.
        var other = await ClassAsync(sql, "5Б");
        (await client.GetAsync($"/s/demo/classteacher/marks/{other}/{subjectId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GRD4_the_year_page_proposes_the_year_mark_from_the_period_marks_and_has_exam_and_final_in_grade_9()
    {
        var (client, url, sql) = await OpenAsync("teacher12@demo", "9А", "Физика");
        var (q1, q2) = (await PeriodAsync(sql, 9, 1), await PeriodAsync(sql, 9, 2));
        var page = await GetAsync(client, $"{url}?period={q2}");
        var pupil = Pupil(Rows(page)[2]);
        await InsertPeriodMarkAsync(sql, pupil, "Физика", q1, "5");
        await InsertPeriodMarkAsync(sql, pupil, "Физика", q2, "4");

        var year = await GetAsync(client, $"{url}?year=true");

        var headers = year.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToList();
        headers.Take(6).ShouldBe(["№", "Ученик", "1 ч.", "2 ч.", "3 ч.", "4 ч."]);
        headers.ShouldContain("Годовая");
        headers.ShouldContain("Экзамен");
        headers.ShouldContain("Итоговая");
        var row = Rows(year).Single(r => Pupil(r) == pupil);
        row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).Take(5).ShouldBe(["3", "5", "4", "—", "—"]);
        // (5 + 4) / 2 = 4.50 gives «5» by the default thresholds (GRD-2).
        row.QuerySelector("td.proposal strong")!.TextContent.ShouldBe("5");
        // The year marks are set in the last week of the year, not in December.
        year.QuerySelector(".alert-warning")!.TextContent
            .ShouldBe("Годовые, экзаменационные и итоговые отметки ставят в последнюю неделю учебного года: с 20.05.2027 по 26.05.2027.");
    }

    [Fact]
    public async Task LCK2_a_locked_period_mark_changes_through_a_request_the_deputy_approves_and_enters()
    {
        var (client, url, sql) = await OpenAsync("teacher@demo", "5А", "Математика");
        var q1 = await PeriodAsync(sql, 5, 1);
        var pupil = Pupil(Rows(await GetAsync(client, $"{url}?period={q1}"))[4]);
        await InsertPeriodMarkAsync(sql, pupil, "Математика", q1, "2");
        var page = await GetAsync(client, $"{url}?period={q1}");
        var link = Rows(page).Single(r => Pupil(r) == pupil).QuerySelector("a[href*='/teacher/corrections/period-mark']")!.GetAttribute("href")!;
        var form = await GetAsync(client, link);
        form.QuerySelector("h1")!.TextContent.ShouldBe("Заявка на исправление: отметка: 1-я четверть, 5А — Математика");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Value", "3"), new("Reason", "Retake"), new("Explanation", "Пересдача 12.11, протокол № 4"),
        };

        var filed = await PostFieldsAsync(client, link, form, [.. fields]);
        var twice = await PostFieldsAsync(client, link, form, [.. fields]);

        filed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Parse(twice)).QuerySelector(".alert-danger")!.TextContent.ShouldStartWith("По этой отметке уже есть заявка №");
        var request = await sql.ScalarAsync<Guid>(
            "SELECT id FROM correction_requests WHERE pupil_id = @p AND study_period_id = @q AND status = 'Pending' AND subject_id = (SELECT id FROM subjects WHERE name = 'Математика')", ("p", pupil), ("q", q1));
        (await client.GetStringAsync("/s/demo/teacher/corrections")).ShouldContain("отметка за 1-ю четверть");

        var deputy = await app.SignInAsync("deputy@demo");
        var show = await GetAsync(deputy, $"/s/demo/deputy/corrections/{request}");
        show.QuerySelector("dl")!.TextContent.ShouldContain("отметка за 1-ю четверть, 5А — Математика");
        var approved = await PostFieldsAsync(
            deputy, $"/s/demo/deputy/corrections/{request}/approve", show, [new("RegistrationNumber", "12/01"), new("Value", "3")]);

        approved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await sql.ScalarAsync<string>(
                "SELECT m.value FROM period_marks m JOIN subjects s ON s.id = m.subject_id WHERE s.name = 'Математика' AND m.pupil_id = @p AND m.study_period_id = @q",
                ("p", pupil), ("q", q1)))
            .ShouldBe("3");
        (await sql.ColumnAsync<string>(
                """
                SELECT c.old_value || '→' || c.new_value || ':' || c.ground || ':' || u.user_name || ':' || (c.correction_request_id = @r)
                FROM period_mark_changes c JOIN memberships m ON m.id = c.author_id JOIN users u ON u.id = m.user_id
                WHERE c.pupil_id = @p AND c.study_period_id = @q AND c.subject_id = (SELECT id FROM subjects WHERE name = 'Математика')
                """,
                ("p", pupil), ("q", q1), ("r", request)))
            .ShouldBe(["2→3:Retake:deputy@demo:true"]);
        (await sql.ScalarAsync<string>("SELECT status || ':' || registration_number FROM correction_requests WHERE id = @r", ("r", request)))
            .ShouldBe("Applied:12/01");
        // LCK-3: the Deputy's table of changes lists it.
        var changes = await GetAsync(deputy, $"/s/demo/deputy/changes?class={await ClassAsync(sql, "5А")}&period={q1}");
        var number = await sql.ScalarAsync<int>("SELECT number FROM correction_requests WHERE id = @r", ("r", request));
        changes.QuerySelectorAll("table.changes-table tbody tr")
            .Select(tr => string.Join("|", tr.QuerySelectorAll("td, th").Skip(1).Select(c => c.TextContent.Trim())))
            .ShouldContain($"1-я четверть|Математика|{Rows(page).Single(r => Pupil(r) == pupil).QuerySelector("th")!.TextContent.Trim()}|отметка за период|2|3|Захарова Н. П.|пересдача по заявке № {number} (рег. № 12/01)");
    }

    [Fact]
    public async Task LCK2_no_request_while_the_period_marks_are_open_nor_for_another_teachers_journal()
    {
        var (client, url, sql) = await OpenAsync("teacher@demo", "5А", "Математика");
        var (q1, q2) = (await PeriodAsync(sql, 5, 1), await PeriodAsync(sql, 5, 2));
        var assignment = await AssignmentAsync(sql, "teacher@demo", "5А", "Математика");
        var open = await GetAsync(client, $"{url}?period={q2}");
        open.QuerySelector("a[href*='/teacher/corrections/period-mark']").ShouldBeNull();
        var pupil = Pupil(Rows(open)[0]);
        var early = await GetAsync(client, $"/s/demo/teacher/corrections/period-mark?assignment={assignment}&period={q2}&pupil={pupil}&kind=Period");
        early.QuerySelector(".alert-secondary")!.TextContent.ShouldBe("Отметки ещё открыты для изменений: исправьте отметку прямо на странице отметок.");

        var stranger = await app.SignInAsync("classteacher@demo");
        (await stranger.GetAsync($"/s/demo/teacher/corrections/period-mark?assignment={assignment}&period={q1}&pupil={pupil}&kind=Period"))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/s/demo/teacher/corrections/period-mark?assignment={assignment}&period={q1}&pupil={Guid.NewGuid()}&kind=Period"))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/s/demo/teacher/corrections/period-mark?assignment={assignment}&period={q1}&pupil={pupil}&kind=Final"))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task JRN4_grade_1_gets_no_period_marks()
    {
        var (client, url, sql) = await OpenAsync("teacher3@demo", "1А", "Математика");
        var q2 = await PeriodAsync(sql, 1, 2);
        var page = await GetAsync(client, $"{url}?period={q2}");
        page.QuerySelector(".alert-info")!.TextContent.ShouldBe("В 1 классе отметки не ставятся.");
        page.QuerySelectorAll("select.mark-select:not([disabled])").ShouldBeEmpty();
        var before = await CountAsync(sql, "period_mark_changes");

        var response = await PostAsync(client, $"{url}?period={q2}", page, (Pupil(Rows(page)[0]), "Period", "5", "x"));

        (await Parse(response)).QuerySelector(".alert-danger")!.TextContent.ShouldBe("В 1 классе отметки не ставятся.");
        (await CountAsync(sql, "period_mark_changes")).ShouldBe(before);
    }

    [Theory]
    [InlineData("student@demo", HttpStatusCode.Redirect)]
    [InlineData("parent@demo", HttpStatusCode.Redirect)]
    [InlineData("classteacher@demo", HttpStatusCode.NotFound)] // teaches 5А, but Russian, not maths: not their journal
    [InlineData("teacher@demo2", HttpStatusCode.NotFound)]
    public async Task Only_the_journals_teacher_reaches_its_period_marks(string login, HttpStatusCode expected)
    {
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));
        var assignment = await AssignmentAsync(sql, "teacher@demo", "5А", "Математика");
        var client = await app.SignInAsync(login);
        var school = login.EndsWith("demo2", StringComparison.Ordinal) ? "demo2" : "demo";

        var response = await client.GetAsync($"/s/{school}/teacher/journal/{assignment}/marks");

        response.StatusCode.ShouldBe(expected);
        if (expected == HttpStatusCode.Redirect)
        {
            response.Headers.Location!.PathAndQueryOrOriginal().ShouldStartWith("/forbidden");
        }
    }

    [Theory]
    [InlineData("teacher@demo", HttpStatusCode.Redirect)]
    [InlineData("student@demo", HttpStatusCode.Redirect)]
    [InlineData("classteacher@demo2", HttpStatusCode.NotFound)]
    public async Task Only_the_class_teacher_reaches_the_class_period_marks(string login, HttpStatusCode expected)
    {
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));
        var (classId, subjectId) = (await ClassAsync(sql, "5А"), await SubjectAsync(sql, "История"));
        var client = await app.SignInAsync(login);
        var school = login.EndsWith("demo2", StringComparison.Ordinal) ? "demo2" : "demo";

        var response = await client.GetAsync($"/s/{school}/classteacher/marks/{classId}/{subjectId}");

        response.StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task LCK3_the_history_of_period_marks_can_not_be_changed_or_deleted()
    {
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));
        // A row to refuse changing (an insert is what the application does).
        await sql.ScalarAsync<int>(
            """
            INSERT INTO period_mark_changes (school_id, id, pupil_id, subject_id, academic_year_id, kind, new_value, author_id, at, ground, is_late)
            SELECT e.school_id, gen_random_uuid(), e.pupil_id, (SELECT id FROM subjects LIMIT 1), c.academic_year_id, 'Year', '5',
                   (SELECT id FROM memberships LIMIT 1), now(), 'Entry', false
            FROM enrolments e JOIN classes c ON c.id = e.class_id WHERE c.grade = 11 LIMIT 1
            """);
        foreach (var statement in new[] { "UPDATE period_mark_changes SET new_value = '5'", "DELETE FROM period_mark_changes", "TRUNCATE period_mark_changes" })
        {
            var error = await Should.ThrowAsync<PostgresException>(() => sql.ScalarAsync<int>(statement));
            error.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        }
    }

    // ---------- helpers ----------

    private async Task<(HttpClient Client, string Url, Sql Sql)> OpenAsync(string login, string className, string subject)
    {
        var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));
        _connections.Add(sql);
        var assignment = await AssignmentAsync(sql, login, className, subject);
        return (await app.SignInAsync(login), $"/s/demo/teacher/journal/{assignment}/marks", sql);
    }

    internal static Task<Guid> AssignmentAsync(Sql sql, string login, string className, string subject) =>
        sql.ScalarAsync<Guid>(
            """
            SELECT a.id FROM teaching_assignments a JOIN classes c ON c.id = a.class_id JOIN subjects s ON s.id = a.subject_id
            JOIN memberships m ON m.id = a.teacher_id JOIN users u ON u.id = m.user_id
            WHERE u.user_name = @login AND c.grade || c.letter = @class AND s.name = @subject AND a.subgroup_id IS NULL
            """,
            ("login", login), ("class", className), ("subject", subject));

    internal static Task<Guid> PeriodAsync(Sql sql, int grade, int number) =>
        sql.ScalarAsync<Guid>(
            """
            SELECT p.id FROM study_periods p
            JOIN grade_period_kinds k ON k.academic_year_id = p.academic_year_id AND k.kind = p.kind AND k.grade = @g
            WHERE p.number = @n
            """,
            ("g", grade), ("n", number));

    private static Task<Guid> ClassAsync(Sql sql, string name) =>
        sql.ScalarAsync<Guid>("SELECT id FROM classes WHERE grade || letter = @n", ("n", name));

    private static Task<Guid> SubjectAsync(Sql sql, string name) =>
        sql.ScalarAsync<Guid>("SELECT id FROM subjects WHERE name = @n", ("n", name));

    private static Task<long> CountAsync(Sql sql, string table) => sql.ScalarAsync<long>($"SELECT count(*) FROM {table}");

    private static Task<int> InsertPeriodMarkAsync(Sql sql, Guid pupil, string subject, Guid period, string value) =>
        sql.ScalarAsync<int>(
            """
            INSERT INTO period_marks (school_id, id, pupil_id, subject_id, academic_year_id, kind, study_period_id, value, author_id, set_at, is_late)
            SELECT p.school_id, gen_random_uuid(), @pupil, s.id, p.academic_year_id, 'Period', p.id, @value,
                   (SELECT id FROM memberships LIMIT 1), now(), false
            FROM study_periods p, subjects s WHERE p.id = @period AND s.name = @subject
            """,
            ("pupil", pupil), ("subject", subject), ("period", period), ("value", value));

    private static async Task<IDocument> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        return await Parse(response);
    }

    private static async Task<IDocument> Parse(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    private static List<IElement> Rows(IDocument page) => [.. page.QuerySelectorAll("table.attestation-sheet tbody tr")];

    private static Guid Pupil(IElement row) => Guid.Parse(row.GetAttribute("data-pupil")!);

    private static string Proposal(IElement row) => row.QuerySelector("td.proposal strong")!.TextContent.Trim();

    private static Task<HttpResponseMessage> PostAsync(
        HttpClient client, string url, IDocument page, params (Guid Pupil, string Kind, string Value, string? Comment)[] marks) =>
        PostFieldsAsync(client, url, page, [.. marks.SelectMany((m, i) => new KeyValuePair<string, string>[]
        {
            new($"Marks[{i}].PupilId", m.Pupil.ToString()),
            new($"Marks[{i}].Kind", m.Kind),
            new($"Marks[{i}].Value", m.Value),
            new($"Marks[{i}].Comment", m.Comment ?? ""),
        })]);

    private static Task<HttpResponseMessage> PostFieldsAsync(
        HttpClient client, string url, IDocument page, List<KeyValuePair<string, string>> fields)
    {
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        fields.Add(new("__RequestVerificationToken", token));
        return client.PostAsync(url, new FormUrlEncodedContent(fields));
    }
}
