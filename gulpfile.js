const path = require('path');
const { task, src, dest } = require('gulp');

// tsc does not copy assets; icons are copied byte for byte (encoding: false keeps binary files intact).
function copyIcons() {
	const nodeIcons = src(path.resolve('nodes', '**', '*.{png,svg}'), { encoding: false }).pipe(
		dest(path.resolve('dist', 'nodes')),
	);
	src(path.resolve('credentials', '**', '*.{png,svg}'), { encoding: false }).pipe(
		dest(path.resolve('dist', 'credentials')),
	);
	return nodeIcons;
}

task('build:icons', copyIcons);
