package vn.khien.app.directives;

/**
 * How far the units have got with one directive: the directive and its overview limited to a unit's subtree, as the
 * periodic report prints it.
 */
public record DirectiveProgress(Directive directive, Overview overview) {}
