using Journal.Domain.Lessons;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Journal.Web.Data;

/// <summary>Stores a mark as its code: «5», «5/4», «з», «нз», «.».</summary>
public sealed class MarkValueConverter() : ValueConverter<MarkValue, string>(v => v.Code, v => MarkValue.FromCode(v));
