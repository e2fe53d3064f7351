using System.Globalization;
using System.IO.Compression;
using ClosedXML.Excel;

namespace Journal.Web.Areas.Teacher.Plans;

/// <summary>
/// The КТП as an Excel book (teachers keep their plans in Excel): the first sheet's cells read as
/// text, and the template/export written with the four columns «№», «Тема», «Часы», «Домашнее задание».
/// </summary>
public static class PlanWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Largest accepted upload. A КТП of a year is some tens of kilobytes.</summary>
    public const long MaxFileBytes = 2 * 1024 * 1024;

    /// <summary>
    /// Unpacked, a book must stay small too: ClosedXML loads a whole book into memory, and a small
    /// zip can unpack to gigabytes (a zip bomb).
    /// </summary>
    private const long MaxUnpackedBytes = 20 * 1024 * 1024;

    private const int MaxEntries = 200;

    /// <summary>Columns read; a plan has four.</summary>
    private const int MaxColumns = 30;

    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    public static readonly string[] Headers = ["№", "Тема", "Часы", "Домашнее задание"];

    /// <summary>The first sheet's rows, each cell as text (numbers as a Russian reads them: «2», «1,5»), up to maxRows rows.</summary>
    public sealed record Sheet(IReadOnlyList<SheetRow> Rows, bool Truncated);

    /// <summary>A row of the sheet with its number as Excel shows it.</summary>
    public sealed record SheetRow(int Number, IReadOnlyList<string> Cells)
    {
        public string Cell(int column) => column >= 0 && column < Cells.Count ? Cells[column] : "";

        public bool IsEmpty => Cells.All(string.IsNullOrWhiteSpace);
    }

    /// <summary>Reads an .xlsx; a Russian reason instead when the bytes are not a readable Excel book.</summary>
    public static (Sheet? Sheet, string? Error) Read(byte[] bytes, int maxRows)
    {
        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K')
        {
            return (null, bytes.Length >= 8 && bytes[0] == 0xD0 && bytes[1] == 0xCF
                ? "Это файл старого формата Excel (.xls) или книга с паролем. Сохраните её как «Книга Excel (.xlsx)» без пароля и загрузите снова."
                : "Файл не является книгой Excel (.xlsx).");
        }

        if (UnpackedTooLarge(bytes) is { } zipError)
        {
            return (null, zipError);
        }

        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var book = new XLWorkbook(stream);
            var sheet = book.Worksheets.FirstOrDefault();
            if (sheet is null)
            {
                return (null, "В книге нет ни одного листа.");
            }

            var lastRow = sheet.LastRowUsed()?.RowNumber() ?? 0;
            var lastColumn = Math.Min(sheet.LastColumnUsed()?.ColumnNumber() ?? 0, MaxColumns);
            var rows = new List<SheetRow>();
            for (var r = 1; r <= Math.Min(lastRow, maxRows); r++)
            {
                var cells = new string[lastColumn];
                for (var c = 1; c <= lastColumn; c++)
                {
                    cells[c - 1] = Text(sheet.Cell(r, c));
                }

                rows.Add(new SheetRow(r, cells));
            }

            return (new Sheet(rows, lastRow > maxRows), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // ClosedXML and the Open XML SDK throw many kinds of exceptions for a damaged book.
            return (null, "Не удалось прочитать файл как книгу Excel (.xlsx): возможно, он повреждён. Сохраните его в Excel заново и загрузите снова.");
        }
    }

    private static string? UnpackedTooLarge(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries || zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
            {
                return "Книга слишком большая для КТП: оставьте в ней только лист с темами.";
            }

            return null;
        }
        catch (InvalidDataException)
        {
            return "Файл не является книгой Excel (.xlsx).";
        }
    }

    private static string Text(IXLCell cell)
    {
        var value = cell.HasFormula ? cell.CachedValue : cell.Value;
        return value switch
        {
            null => "",
            double number => number.ToString("R", Russian),
            DateTime date => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
            bool flag => flag ? "ИСТИНА" : "ЛОЖЬ",
            IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
    }

    /// <summary>A book with the four columns and the given topics (none: the empty template).</summary>
    public static byte[] Write(string title, IEnumerable<(int Position, string Title, int Hours, string? Homework)> topics)
    {
        using var book = new XLWorkbook();
        var sheet = book.AddWorksheet("КТП");
        for (var c = 0; c < Headers.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = Headers[c];
        }

        var header = sheet.Range(1, 1, 1, Headers.Length);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#E9ECEF");
        sheet.SheetView.FreezeRows(1);
        sheet.Column(1).Width = 6;
        sheet.Column(2).Width = 70;
        sheet.Column(3).Width = 8;
        sheet.Column(4).Width = 45;
        sheet.Columns(2, 4).Style.Alignment.WrapText = true;
        sheet.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;

        var row = 2;
        foreach (var topic in topics)
        {
            sheet.Cell(row, 1).Value = topic.Position;
            sheet.Cell(row, 2).SetValue(topic.Title);
            sheet.Cell(row, 3).Value = topic.Hours;
            sheet.Cell(row, 4).SetValue(topic.Homework ?? "");
            row++;
        }

        var help = book.AddWorksheet("Как заполнить");
        string[] lines =
        [
            title,
            "",
            "Первая строка листа «КТП» — заголовки: «№», «Тема», «Часы», «Домашнее задание» (в любом порядке).",
            "Каждая следующая строка — одна тема в том порядке, в каком темы изучаются; «№» можно не заполнять.",
            "«Тема» — обязательно, не длиннее 500 знаков.",
            "«Часы» — целое число от 1: сколько уроков занимает тема. Сумма часов должна равняться часам учебного плана.",
            "«Домашнее задание» — по желанию; оно подставится в урок, если задание урока не записано.",
            "Пустые строки пропускаются. Загрузка заменяет весь план: сохраните файл и загрузите его на странице КТП.",
        ];
        for (var i = 0; i < lines.Length; i++)
        {
            help.Cell(i + 1, 1).SetValue(lines[i]);
        }

        help.Cell(1, 1).Style.Font.Bold = true;
        help.Column(1).Width = 110;

        using var output = new MemoryStream();
        book.SaveAs(output);
        return output.ToArray();
    }
}
