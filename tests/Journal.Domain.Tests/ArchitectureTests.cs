using Journal.Domain.Lessons;
using NetArchTest.Rules;
using Shouldly;
using Xunit;

namespace Journal.Domain.Tests;

/// <summary>Domain depends on nothing of ours and on no infrastructure (CONVENTIONS: the shape).</summary>
public class ArchitectureTests
{
    private static readonly System.Reflection.Assembly Domain = typeof(MarkValue).Assembly;

    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Npgsql")]
    [InlineData("System.Net.Http")]
    [InlineData("Journal.Web")]
    [InlineData("Journal.Printing")]
    public void Domain_types_do_not_depend_on_infrastructure_or_outer_projects(string forbidden)
    {
        var result = Types.InAssembly(Domain).ShouldNot().HaveDependencyOn(forbidden).GetResult();

        result.IsSuccessful.ShouldBeTrue(
            $"depend on {forbidden}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Dependency_check_does_see_what_domain_types_use()
    {
        // Guards the rule above against passing vacuously (e.g. an empty type set).
        var result = Types.InAssembly(Domain)
            .That().HaveName(nameof(MarkValue))
            .Should().HaveDependencyOn("System.Globalization")
            .GetResult();

        result.IsSuccessful.ShouldBeTrue();
        Types.InAssembly(Domain).GetTypes().ShouldContain(t => t == typeof(MarkValue));
    }

    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Npgsql")]
    [InlineData("Journal.")]
    public void Domain_assembly_references_no_infrastructure_or_other_journal_assembly(string forbiddenPrefix)
    {
        var referenced = Domain.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToList();

        referenced.ShouldNotBeEmpty();
        referenced.ShouldNotContain(
            name => name.StartsWith(forbiddenPrefix, StringComparison.Ordinal),
            $"referenced: {string.Join(", ", referenced)}");
    }
}
