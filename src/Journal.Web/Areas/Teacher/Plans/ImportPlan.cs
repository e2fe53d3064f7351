using System.Globalization;
using System.Text.RegularExpressions;
using Journal.Web.Data.Queries;

namespace Journal.Web.Areas.Teacher.Plans;

/// <summary>
/// JRN-6: a КТП imported from an Excel book. The upload is read and checked row by row and shown as a
/// preview (nothing saved); «Сохранить план» posts the rows back, they are checked again and replace
/// the plan's topics only when every row is right.
/// <para>
/// Lessons that already gave a topic keep their link when the new plan has a topic of the same title
/// (wherever it moved); otherwise the link passes to the new topic at the same place (a renamed
/// topic). Topics beyond the end of a shorter plan are deleted and their lessons lose the link; the
/// preview says how many.
/// </para>
/// </summary>
public static partial class ImportPlan
{
    /// <summary>More topics than any year has hours: a file this long is not a КТП.</summary>
    public const int MaxRows = 500;

    /// <summary>A row as posted back by the preview's form (hidden fields).</summary>
    public sealed class Row
    {
        /// <summary>The row's number in the Excel sheet, for messages.</summary>
        public int Line { get; set; }

        public string? Title { get; set; }

        public string? Hours { get; set; }

        public string? Homework { get; set; }
    }

    /// <summary>A row as checked: its values and what is wrong with it (in Russian), nothing if right.</summary>
    public sealed record CheckedRow(int Line, string Title, string HoursText, int? Hours, string? Homework, IReadOnlyList<string> Errors)
    {
        public bool IsValid => Errors.Count == 0;

        public string Message => $"Строка {Line}: {string.Join("; ", Errors)}.";
    }

    public sealed record Preview(
        PlanKey Key, string? FileName, IReadOnlyList<CheckedRow> Rows, int ExistingTopics, int KeptTopics, int LessonsLosingLink)
    {
        public bool IsValid => Rows.Count > 0 && Rows.All(r => r.IsValid);

        public int TotalHours => Rows.Sum(r => r.Hours ?? 0);

        public int ErrorRows => Rows.Count(r => !r.IsValid);

        public string? Problem => IsValid ? PlanProgress.Describe(true, TotalHours, Key.CurriculumHours) : null;
    }

    private enum Column
    {
        Number,
        Title,
        Hours,
        Homework,
    }

    private static readonly Dictionary<string, Column> HeaderNames = new(StringComparer.Ordinal)
    {
        ["№"] = Column.Number,
        ["№ П/П"] = Column.Number,
        ["НОМЕР"] = Column.Number,
        ["ТЕМА"] = Column.Title,
        ["ТЕМА УРОКА"] = Column.Title,
        ["ЧАСЫ"] = Column.Hours,
        ["КОЛ-ВО ЧАСОВ"] = Column.Hours,
        ["КОЛИЧЕСТВО ЧАСОВ"] = Column.Hours,
        ["ДОМАШНЕЕ ЗАДАНИЕ"] = Column.Homework,
        ["Д/З"] = Column.Homework,
        ["ДЗ"] = Column.Homework,
    };

    private static readonly Dictionary<Column, string> ColumnNames = new()
    {
        [Column.Number] = "№",
        [Column.Title] = "Тема",
        [Column.Hours] = "Часы",
        [Column.Homework] = "Домашнее задание",
    };

    /// <summary>A header may sit under a few title lines («КТП по математике, 5 класс»): so many are looked through.</summary>
    private const int HeaderSearchRows = 10;

    /// <summary>Reads an uploaded file into checked rows, or says in Russian why the file can't be read at all.</summary>
    public static async Task<(IReadOnlyList<CheckedRow>? Rows, string? Error)> ReadAsync(
        IFormFile? file, int maxHours, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return (null, "Выберите файл КТП (.xlsx).");
        }

        if (file.Length == 0)
        {
            return (null, "Файл пустой.");
        }

        if (file.Length > PlanWorkbook.MaxFileBytes)
        {
            return (null, $"Файл больше 2 МБ ({Megabytes(file.Length)} МБ). КТП в Excel занимает десятки килобайт: оставьте в книге только лист с темами.");
        }

        var extension = Path.GetExtension(file.FileName);
        if (!string.Equals(extension, ".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return (null, string.Equals(extension, ".xls", StringComparison.OrdinalIgnoreCase)
                ? "Это файл старого формата Excel (.xls). Сохраните его как «Книга Excel (.xlsx)» и загрузите снова."
                : "Нужен файл Excel с расширением .xlsx: скачайте шаблон и заполните его.");
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, cancellationToken);
        }

        var (sheet, error) = PlanWorkbook.Read(bytes, MaxRows + HeaderSearchRows + 50);
        return sheet is null ? (null, error) : Check(sheet, maxHours);
    }

    private static (IReadOnlyList<CheckedRow>? Rows, string? Error) Check(PlanWorkbook.Sheet sheet, int maxHours)
    {
        var candidates = sheet.Rows.Where(r => !r.IsEmpty).Take(HeaderSearchRows).ToList();
        if (candidates.Count == 0)
        {
            return (null, "В файле нет данных: лист пустой.");
        }

        PlanWorkbook.SheetRow? header = null;
        Dictionary<Column, int>? columns = null;
        foreach (var row in candidates)
        {
            var found = new Dictionary<Column, int>();
            for (var c = 0; c < row.Cells.Count; c++)
            {
                if (HeaderNames.TryGetValue(Normalize(row.Cells[c]), out var column) && !found.TryAdd(column, c))
                {
                    return (null, $"Строка {row.Number}: столбец «{ColumnNames[column]}» встречается дважды.");
                }
            }

            if (found.ContainsKey(Column.Title) && found.ContainsKey(Column.Hours))
            {
                (header, columns) = (row, found);
                break;
            }
        }

        if (header is null || columns is null)
        {
            var first = candidates[0];
            var present = first.Cells.Select(c => HeaderNames.GetValueOrDefault(Normalize(c), (Column)(-1))).ToHashSet();
            var missing = new[] { Column.Title, Column.Hours }.Where(c => !present.Contains(c)).Select(c => $"«{ColumnNames[c]}»");
            return (null,
                $"Не найдена строка заголовков: в строке {first.Number} нет столбцов {string.Join(" и ", missing)}. " +
                "Первой строкой должны идти заголовки «№», «Тема», «Часы», «Домашнее задание» (в любом порядке): скачайте шаблон.");
        }

        var rows = new List<CheckedRow>();
        foreach (var row in sheet.Rows.Where(r => r.Number > header.Number))
        {
            var title = row.Cell(columns[Column.Title]);
            var hours = row.Cell(columns[Column.Hours]);
            var homework = columns.TryGetValue(Column.Homework, out var h) ? row.Cell(h) : "";
            if (string.IsNullOrWhiteSpace(title) && string.IsNullOrWhiteSpace(hours) && string.IsNullOrWhiteSpace(homework))
            {
                continue; // an empty line, or only a number in «№»: a template's spare row
            }

            rows.Add(CheckRow(row.Number, title, hours, homework, maxHours));
        }

        if (sheet.Truncated || rows.Count > MaxRows)
        {
            return (null, $"В файле больше {MaxRows} строк: это не похоже на КТП одного предмета на год.");
        }

        return rows.Count == 0
            ? (null, "Под заголовками нет ни одной темы.")
            : (rows, null);
    }

    /// <summary>Checks one row: the same rules for a file's row and for a row posted back from the preview.</summary>
    public static CheckedRow CheckRow(int line, string? title, string? hoursText, string? homework, int maxHours)
    {
        var errors = new List<string>();
        var cleanTitle = Spaces().Replace(title ?? "", " ").Trim();
        var cleanHomework = string.IsNullOrWhiteSpace(homework) ? null : homework.Trim();
        var text = (hoursText ?? "").Trim();
        int? hours = null;

        if (cleanTitle.Length == 0)
        {
            errors.Add("не указана тема");
        }
        else if (cleanTitle.Length > 500)
        {
            errors.Add($"тема длиннее 500 знаков ({cleanTitle.Length.ToString(CultureInfo.InvariantCulture)})");
        }

        if (text.Length == 0)
        {
            errors.Add("не указаны часы");
        }
        else if (!decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                     CultureInfo.InvariantCulture, out var number))
        {
            errors.Add($"часы «{text}» — не число: нужно целое число от 1 до {maxHours.ToString(CultureInfo.InvariantCulture)}");
        }
        else if (number != decimal.Truncate(number))
        {
            errors.Add($"часы «{text}» — не целое число: нужно целое число от 1 до {maxHours.ToString(CultureInfo.InvariantCulture)}");
        }
        else if (number < 1 || number > maxHours)
        {
            errors.Add($"часы {text} — нужно целое число от 1 до {maxHours.ToString(CultureInfo.InvariantCulture)}");
        }
        else
        {
            hours = (int)number;
        }

        if (cleanHomework is { Length: > 4000 })
        {
            errors.Add($"домашнее задание длиннее 4000 знаков ({cleanHomework.Length.ToString(CultureInfo.InvariantCulture)})");
        }

        return new CheckedRow(line, cleanTitle, text, hours, cleanHomework, errors);
    }

    /// <summary>
    /// Which existing topic each new row keeps (its id, so its lessons stay linked), or null for a new
    /// topic: first the same title (spaces and case aside) in order, then the same place.
    /// </summary>
    public static Guid?[] Match(IReadOnlyList<PlanDetails.TopicRow> existing, IReadOnlyList<string> titles)
    {
        var reuse = new Guid?[titles.Count];
        var used = new HashSet<Guid>();
        var byTitle = existing.ToLookup(t => Normalize(t.Title));
        for (var i = 0; i < titles.Count; i++)
        {
            if (byTitle[Normalize(titles[i])].FirstOrDefault(t => !used.Contains(t.Id)) is { } same)
            {
                reuse[i] = same.Id;
                used.Add(same.Id);
            }
        }

        var byPosition = existing.ToDictionary(t => t.Position);
        for (var i = 0; i < titles.Count; i++)
        {
            if (reuse[i] is null && byPosition.TryGetValue(i + 1, out var there) && used.Add(there.Id))
            {
                reuse[i] = there.Id;
            }
        }

        return reuse;
    }

    public static Preview PreviewOf(PlanKey key, string? fileName, IReadOnlyList<CheckedRow> rows, IReadOnlyList<PlanDetails.TopicRow> existing)
    {
        var reuse = Match(existing, rows.Select(r => r.Title).ToList());
        var kept = reuse.OfType<Guid>().ToHashSet();
        return new Preview(
            key, fileName, rows, existing.Count, kept.Count, existing.Where(t => !kept.Contains(t.Id)).Sum(t => t.Lessons));
    }

    public static IReadOnlyList<ReplaceTopics.Desired> Desired(IReadOnlyList<CheckedRow> rows, IReadOnlyList<PlanDetails.TopicRow> existing)
    {
        var reuse = Match(existing, rows.Select(r => r.Title).ToList());
        return rows.Select((r, i) => new ReplaceTopics.Desired(reuse[i], r.Title, r.Hours!.Value, r.Homework)).ToList();
    }

    public sealed class Handler(PlanDetails.Handler plans, ReplaceTopics.Handler replace)
    {
        /// <summary>Reads an upload into a preview (nothing is saved), or says why the file can't be read.</summary>
        public async Task<(Preview? Preview, string? Error)> UploadAsync(PlanKey key, IFormFile? file, CancellationToken cancellationToken)
        {
            var (rows, error) = await ReadAsync(file, key.MaxTopicHours, cancellationToken);
            if (rows is null)
            {
                return (null, error);
            }

            var existing = key.PlanId is { } planId ? await plans.TopicsAsync(planId, cancellationToken) : [];
            return (PreviewOf(key, file?.FileName, rows, existing), null);
        }

        /// <summary>
        /// Checks the posted rows again and, when all are right, makes them the plan. A preview with the
        /// errors comes back instead when any row is wrong (nothing saved); a Russian error when the
        /// rows can't be saved at all.
        /// </summary>
        public async Task<(Preview? Invalid, string? Error)> SaveAsync(
            PlanKey key, IReadOnlyList<Row>? posted, string? fileName, Guid authorId, CancellationToken cancellationToken)
        {
            if (posted is null || posted.Count == 0)
            {
                return (null, "Нет ни одной темы: загрузите файл КТП.");
            }

            if (posted.Count > MaxRows)
            {
                return (null, $"Больше {MaxRows} тем: это не похоже на КТП одного предмета на год.");
            }

            var rows = posted.Select(r => CheckRow(r.Line, r.Title, r.Hours, r.Homework, key.MaxTopicHours)).ToList();
            if (rows.Any(r => !r.IsValid))
            {
                var existing = key.PlanId is { } planId ? await plans.TopicsAsync(planId, cancellationToken) : [];
                return (PreviewOf(key, fileName, rows, existing), null);
            }

            var (_, error) = await replace.Handle(key, authorId, existing => Desired(rows, existing), cancellationToken);
            return (null, error);
        }
    }

    /// <summary>For comparing headers and titles: spaces collapsed, upper case, Ё as Е, no trailing dot or colon.</summary>
    private static string Normalize(string? text) =>
        Spaces().Replace(text ?? "", " ").Trim().TrimEnd('.', ':').Trim().ToUpperInvariant().Replace('Ё', 'Е');

    private static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0.#", CultureInfo.GetCultureInfo("ru-RU"));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
